import type { LearnerLink, PersonKind } from '../../core/learning';
import { type SalesforcePort, type SalesforceRecord, soqlList, soqlString } from '../../salesforce/port';
import type { BoundSchema } from '../../salesforce/schema';

/**
 * Learner__c reads for the learning back-sync. Targeted, never "every learner every run": the learners the
 * timeline names (by TalentLMS id), the reconciliation slice (by Salesforce id after the cursor), and a count
 * for the slice size. Learning syncs for people whose TalentLMS account is linked and whose state is Synced
 * or Error (a provisioning error on a profile field does not stop their learning coming back).
 */
export const LEARNING_STATES = ['Synced', 'Error'];
const IN_CHUNK = 200;

export interface LearnerInfo extends LearnerLink {
  /** The person's own Salesforce id (Learner__c.SalesforceId__c); `salesforceId` may be a merge survivor. */
  personId: string;
  points: number | null;
  level: number | null;
  name: string | null;
  /** Null until the learning back-sync first wrote this learner. */
  lastLearningSyncAt: string | null;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const num = (value: unknown): number | null =>
  value === null || value === undefined || value === '' ? null : Number(value);

export class LearnerReader {
  constructor(
    private readonly sf: SalesforcePort,
    private readonly schema: BoundSchema
  ) {}

  private select(): string {
    const f = this.schema.Learner.f;
    return `SELECT Id, Name, ${f.SalesforceId}, ${f.TalentLmsUserId}, ${f.PersonType}, ${f.Account}, ${f.Points}, ${f.Level}, ${f.LastLearningSyncAt} FROM ${this.schema.Learner.name}`;
  }

  private scope(): string {
    const f = this.schema.Learner.f;
    return `${f.TalentLmsUserId} != null AND ${f.State} IN ${soqlList(LEARNING_STATES)}`;
  }

  toInfo(row: SalesforceRecord): LearnerInfo | null {
    const f = this.schema.Learner.f;
    const tlUserId = text(row[f.TalentLmsUserId]);
    const personId = text(row[f.SalesforceId]);
    if (!tlUserId || !personId || !row.Id) return null;
    const kind: PersonKind = row[f.PersonType] === 'User' ? 'User' : 'Contact';
    return {
      kind,
      personId,
      salesforceId: personId,
      accountId: kind === 'Contact' ? text(row[f.Account]) : null,
      learnerId: row.Id,
      tlUserId,
      points: num(row[f.Points]),
      level: num(row[f.Level]),
      name: text(row.Name),
      lastLearningSyncAt: text(row[f.LastLearningSyncAt])
    };
  }

  private async many(condition: string, values: string[]): Promise<LearnerInfo[]> {
    const out: LearnerInfo[] = [];
    for (let i = 0; i < values.length; i += IN_CHUNK) {
      const chunk = values.slice(i, i + IN_CHUNK);
      const rows = await this.sf.query(
        `${this.select()} WHERE ${this.scope()} AND ${condition} IN ${soqlList(chunk)}`
      );
      for (const row of rows) {
        const info = this.toInfo(row);
        if (info) out.push(info);
      }
    }
    return out;
  }

  byTalentLmsIds(ids: string[]): Promise<LearnerInfo[]> {
    return this.many(this.schema.Learner.f.TalentLmsUserId, ids);
  }

  bySalesforceIds(ids: string[]): Promise<LearnerInfo[]> {
    return this.many(this.schema.Learner.f.SalesforceId, ids);
  }

  /**
   * Learners the back-sync never wrote (just provisioned or adopted with learning already in TalentLMS): their
   * history has no new timeline event, so they are read now rather than at their reconciliation turn.
   */
  async neverSynced(limit: number): Promise<LearnerInfo[]> {
    const f = this.schema.Learner.f;
    const rows = await this.sf.query(
      `${this.select()} WHERE ${this.scope()} AND ${f.LastLearningSyncAt} = null ORDER BY Id ASC LIMIT ${Math.floor(limit)}`
    );
    return rows.map((row) => this.toInfo(row)).filter((info): info is LearnerInfo => info !== null);
  }

  /** Learners in scope, counted once per reconciliation cycle (Id only: ⌈N/2,000⌉ calls). */
  async count(): Promise<number> {
    const rows = await this.sf.query(`SELECT Id FROM ${this.schema.Learner.name} WHERE ${this.scope()}`);
    return rows.length;
  }

  /**
   * The next `limit` learners after `cursor` in TalentLMS-id order: a unique, never-empty key made of digits,
   * so text comparison and ORDER BY agree whatever the collation (record Ids mix cases).
   */
  async after(cursor: string | null, limit: number): Promise<LearnerInfo[]> {
    if (limit <= 0) return [];
    const f = this.schema.Learner.f;
    const from = cursor === null ? '' : ` AND ${f.TalentLmsUserId} > ${soqlString(cursor)}`;
    const rows = await this.sf.query(
      `${this.select()} WHERE ${this.scope()}${from} ORDER BY ${f.TalentLmsUserId} ASC LIMIT ${Math.floor(limit)}`
    );
    return rows.map((row) => this.toInfo(row)).filter((info): info is LearnerInfo => info !== null);
  }

  /** Every learner in scope (the course scan maps each enrolment to its learner). */
  async all(): Promise<LearnerInfo[]> {
    const rows = await this.sf.query(`${this.select()} WHERE ${this.scope()}`);
    return rows.map((row) => this.toInfo(row)).filter((info): info is LearnerInfo => info !== null);
  }
}

export interface DeletedContacts {
  /** Deleted Contact id → surviving Contact id (merged) or null (deleted). */
  fate: Map<string, string | null>;
}

/**
 * Deleted and merged Contacts (queryAll: the recycle bin keeps them, a merge loser carries MasterRecordId).
 * One call whatever the population; the rows are few.
 */
export async function readDeletedContacts(sf: SalesforcePort, schema: BoundSchema): Promise<DeletedContacts> {
  const c = schema.Contact;
  const rows = await sf.queryAll(
    `SELECT Id, ${c.f.MasterRecordId} FROM ${c.name} WHERE ${c.f.IsDeleted} = true`
  );
  const fate = new Map<string, string | null>();
  for (const row of rows) if (row.Id) fate.set(row.Id, text(row[c.f.MasterRecordId]));
  return { fate };
}

/** Account of each surviving Contact (contact records copy it). */
export async function accountsOf(
  sf: SalesforcePort,
  schema: BoundSchema,
  contactIds: string[]
): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  for (let i = 0; i < contactIds.length; i += IN_CHUNK) {
    const chunk = contactIds.slice(i, i + IN_CHUNK);
    const rows = await sf.query(
      `SELECT Id, ${schema.Contact.f.AccountId} FROM ${schema.Contact.name} WHERE Id IN ${soqlList(chunk)}`
    );
    for (const row of rows) if (row.Id) out.set(row.Id, text(row[schema.Contact.f.AccountId]));
  }
  return out;
}
