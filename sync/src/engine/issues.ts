import type { Clock } from '../core/clock';
import { issueCodeInfo } from '../core/issueCodes';
import { issueKeyOf } from '../core/keys';
import type { Logger } from '../core/logger';
import type { Redactor } from '../core/redact';
import { type SalesforcePort, soqlString } from '../salesforce/port';
import { type BoundSchema, PICKLIST_VALUES } from '../salesforce/schema';

/**
 * Per-record problems become SyncIssue__c rows keyed by (person, action, code), upserted once per run:
 * a systemic failure is one row with a count, not one per person per hour. A success for (person, action)
 * closes that person's open issues for the action. An issue an admin marked "Resolved by admin" that happens
 * again is reopened. Buffered in memory and written at the end of the run (a few Collections calls).
 */
export interface IssueReport {
  code: string;
  /** What the runner was doing: create, update, deactivate, courses, … */
  action: string;
  /** The Salesforce Id of the person (18 chars), or a stable subject name for non-person issues. */
  subject: string;
  message: string;
  learnerId?: string | null;
  personName?: string | null;
  salesforceId?: string | null;
}

interface ExistingIssue {
  Id: string;
  key: string;
  status: string;
  count: number;
  subject: string;
  action: string;
}

const S = PICKLIST_VALUES.SyncIssueStatus;
const MAX_TEXT = 255;
const SALESFORCE_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

export class IssueRecorder {
  private readonly existing = new Map<string, ExistingIssue>();
  private readonly reported = new Map<string, IssueReport & { times: number }>();
  private readonly succeeded = new Set<string>();
  private result = { opened: 0, closed: 0, open: 0 };

  constructor(
    private readonly sf: SalesforcePort,
    private readonly schema: BoundSchema,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly redactor: Redactor
  ) {}

  /** Loads every issue that is not closed (Open and ResolvedByAdmin): one query, as many rows as problems. */
  async load(): Promise<void> {
    const o = this.schema.SyncIssue;
    const f = o.f;
    const rows = await this.sf.query<Record<string, unknown> & { Id: string }>(
      `SELECT Id, ${f.IssueKey}, ${f.Status}, ${f.Count}, ${f.SalesforceId}, ${f.Action} FROM ${o.name} WHERE ${f.Status} != ${soqlString(S.closed)}`
    );
    for (const row of rows) {
      const key = String(row[f.IssueKey]);
      this.existing.set(key, {
        Id: row.Id,
        key,
        status: String(row[f.Status]),
        count: Number(row[f.Count] ?? 0),
        subject: String(row[f.SalesforceId] ?? ''),
        action: String(row[f.Action] ?? '')
      });
    }
    this.result.open = rows.filter((r) => r[f.Status] === S.open).length;
  }

  report(issue: IssueReport): void {
    const key = issueKeyOf(issue.subject, issue.action, issue.code);
    const previous = this.reported.get(key);
    this.reported.set(key, { ...issue, times: (previous?.times ?? 0) + 1 });
    this.logger.debug('Issue', { code: issue.code, action: issue.action, subject: issue.subject });
  }

  /** (subject, action) worked this run: its open issues close unless the same run reported them again. */
  resolve(subject: string, action: string): void {
    this.succeeded.add(`${subject}|${action}`);
  }

  /** Subjects with an Open issue for `action` when the run started (e.g. learners whose write is retried). */
  openSubjects(action: string): string[] {
    const out = new Set<string>();
    for (const issue of this.existing.values())
      if (issue.action === action && issue.status === S.open && issue.subject) out.add(issue.subject);
    return [...out];
  }

  get pendingCount(): number {
    return this.reported.size;
  }

  /** Issues reported this run that are failures (not `attention` codes such as needs review). */
  get failureCount(): number {
    let failures = 0;
    for (const issue of this.reported.values()) if (!issueCodeInfo(issue.code)?.attention) failures++;
    return failures;
  }

  /** Writes the run's issues; returns {opened, closed, open}. */
  async flush(runRecordId: string | null): Promise<{ opened: number; closed: number; open: number }> {
    const f = this.schema.SyncIssue.f;
    const now = new Date(this.clock.now()).toISOString();
    const upserts: Record<string, unknown>[] = [];
    let opened = 0;
    for (const [key, issue] of this.reported) {
      const existing = this.existing.get(key);
      const isOpen = existing?.status === S.open;
      if (!isOpen) opened += 1;
      const info = issueCodeInfo(issue.code);
      upserts.push({
        [f.IssueKey]: key,
        ...(existing ? {} : { [f.FirstSeenAt]: now }),
        [f.Code]: issue.code,
        [f.Action]: issue.action.slice(0, 40),
        [f.Status]: S.open,
        [f.SalesforceId]: issue.salesforceId ?? (SALESFORCE_ID.test(issue.subject) ? issue.subject : null),
        [f.PersonName]: issue.personName ? issue.personName.slice(0, MAX_TEXT) : null,
        [f.Learner]: issue.learnerId ?? null,
        [f.Message]: this.redactor.redact(issue.message).slice(0, MAX_TEXT),
        [f.Hint]: (info?.hint ?? '').slice(0, MAX_TEXT),
        [f.LastSeenAt]: now,
        [f.ClosedAt]: null,
        [f.Count]: (isOpen ? existing.count : 0) + issue.times,
        ...(runRecordId ? { [f.LastRun]: runRecordId } : {})
      });
    }
    const closes: Record<string, unknown>[] = [];
    for (const existing of this.existing.values()) {
      if (this.reported.has(existing.key)) continue;
      if (!this.succeeded.has(`${existing.subject}|${existing.action}`)) continue;
      closes.push({ Id: existing.Id, [f.Status]: S.closed, [f.ClosedAt]: now });
    }
    if (upserts.length > 0) {
      const results = await this.sf.upsert(this.schema.SyncIssue.name, f.IssueKey, upserts);
      const failed = results.filter((r) => !r.success);
      if (failed.length > 0)
        this.logger.warn('Some issues could not be recorded', {
          failed: failed.length,
          first: failed[0].errors
        });
    }
    if (closes.length > 0) await this.sf.update(this.schema.SyncIssue.name, closes);
    const closedOpen = closes.filter((c) => this.existingById(String(c.Id))?.status === S.open).length;
    this.result = { opened, closed: closes.length, open: this.result.open - closedOpen + opened };
    return { ...this.result };
  }

  private existingById(id: string): ExistingIssue | undefined {
    for (const issue of this.existing.values()) if (issue.Id === id) return issue;
    return undefined;
  }
}
