import {
  type ExistingRecord,
  type FieldValue,
  kindOf,
  type LearningField,
  type LearningObjectKey,
  type LearningRecord,
  personOf,
  toSalesforceRecord
} from '../../core/learning';
import { type SalesforcePort, type SaveResult, soqlList } from '../../salesforce/port';
import type { BoundSchema } from '../../salesforce/schema';

/**
 * Reads what Salesforce holds for a set of learners and writes the differences: upserts by ExternalKey__c
 * through sObject Collections (the adapter retries UNABLE_TO_LOCK_ROW with backoff on the Clock), records
 * ordered by learner so each person's records travel together, and deletes of what the unenrolment rule
 * removes. Failures are returned per learner, never thrown.
 */
const IN_CHUNK = 200;
const COMPARED: Record<'course' | 'certificate' | 'badge', LearningField[]> = {
  course: [
    'CourseId',
    'CourseName',
    'Status',
    'RawStatus',
    'CompletionPercent',
    'TimeSpentSeconds',
    'EnrolledOn',
    'CompletedOn',
    'ExpiresOn',
    'CourseUrl'
  ],
  certificate: [
    'CourseId',
    'CourseName',
    'CertificateId',
    'IssuedOn',
    'ExpiresOn',
    'PublicUrl',
    'DownloadUrl'
  ],
  badge: ['BadgeName', 'BadgeType', 'BadgeSetId', 'Criteria', 'IssuedOn', 'ImageUrl']
};

function fieldsOf(object: LearningObjectKey): LearningField[] {
  const person: LearningField[] = personOf(object) === 'User' ? ['User'] : ['Contact', 'Account'];
  return ['ExternalKey', 'Learner', ...person, ...COMPARED[kindOf(object)]];
}

export interface WriteOutcome {
  /** Learner__c Ids whose writes all succeeded / the first error of those that failed. */
  failed: Map<string, string>;
  upserted: { course: number; certificate: number; badge: number };
  removed: number;
}

export class RecordStore {
  constructor(
    private readonly sf: SalesforcePort,
    private readonly schema: BoundSchema
  ) {}

  /** Records of `objects` whose Learner__c is one of `learnerIds`. */
  async read(objects: LearningObjectKey[], learnerIds: string[]): Promise<ExistingRecord[]> {
    const out: ExistingRecord[] = [];
    for (const object of objects) {
      const bound = this.schema[object];
      const names = bound.f as Record<string, string>;
      const fields = fieldsOf(object);
      const select = fields.map((field) => names[field]).join(', ');
      for (let i = 0; i < learnerIds.length; i += IN_CHUNK) {
        const chunk = learnerIds.slice(i, i + IN_CHUNK);
        const rows = await this.sf.query(
          `SELECT Id, ${select} FROM ${bound.name} WHERE ${names.Learner} IN ${soqlList(chunk)}`
        );
        for (const row of rows) out.push(this.toExisting(object, row, fields));
      }
    }
    return out;
  }

  /** Every record of `objects` (the course scan): only the fields it compares. */
  async readAll(objects: LearningObjectKey[]): Promise<ExistingRecord[]> {
    const out: ExistingRecord[] = [];
    for (const object of objects) {
      const bound = this.schema[object];
      const names = bound.f as Record<string, string>;
      const fields = fieldsOf(object);
      const rows = await this.sf.query(
        `SELECT Id, ${fields.map((f) => names[f]).join(', ')} FROM ${bound.name}`
      );
      for (const row of rows) out.push(this.toExisting(object, row, fields));
    }
    return out;
  }

  private toExisting(object: LearningObjectKey, row: Record<string, unknown>, fields: LearningField[]) {
    const names = this.schema[object].f as Record<string, string>;
    const values: Partial<Record<LearningField, FieldValue>> = {};
    for (const field of fields) values[field] = (row[names[field]] ?? null) as FieldValue;
    return { id: String(row.Id), object, key: String(values.ExternalKey ?? ''), fields: values };
  }

  /**
   * Upserts `records` (each carries `fields.Learner`) and deletes `deletes`; `learnerOf` maps a deleted
   * record to its learner. Returns the learners with a failed write.
   */
  async write(records: LearningRecord[], deletes: ExistingRecord[]): Promise<WriteOutcome> {
    const outcome: WriteOutcome = {
      failed: new Map(),
      upserted: { course: 0, certificate: 0, badge: 0 },
      removed: 0
    };
    const byObject = new Map<LearningObjectKey, LearningRecord[]>();
    for (const record of records) {
      const list = byObject.get(record.object) ?? [];
      list.push(record);
      byObject.set(record.object, list);
    }
    for (const [object, list] of byObject) {
      // A person's records side by side, so a batch of 200 splits as few people as possible.
      list.sort((a, b) => String(a.fields.Learner).localeCompare(String(b.fields.Learner)));
      const bound = this.schema[object];
      const results = await this.sf.upsert(
        bound.name,
        (bound.f as Record<string, string>).ExternalKey,
        list.map((record) => toSalesforceRecord(record, this.schema))
      );
      results.forEach((result, i) => {
        const record = list[i];
        if (result.success) outcome.upserted[record.kind] += 1;
        else noteFailure(outcome, String(record.fields.Learner), result);
      });
    }
    if (deletes.length > 0) {
      const results = await this.sf.delete(deletes.map((d) => d.id));
      results.forEach((result, i) => {
        // Already gone is what we wanted.
        if (result.success || result.errors.some((e) => e.statusCode === 'ENTITY_IS_DELETED'))
          outcome.removed += 1;
        else noteFailure(outcome, String(deletes[i].fields.Learner), result);
      });
    }
    return outcome;
  }
}

function noteFailure(outcome: WriteOutcome, learnerId: string, result: SaveResult): void {
  if (outcome.failed.has(learnerId)) return;
  const first = result.errors[0];
  outcome.failed.set(learnerId, first ? `${first.statusCode}: ${first.message}` : 'unknown error');
}
