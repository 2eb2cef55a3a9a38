/**
 * What the preview backend reads and writes: live Salesforce records, with API names as the package's
 * source spells them (no namespace prefix). Adapters add and strip the namespace, so handlers and the
 * visibility rules never see it.
 */
export type FieldValue = string | number | boolean | null;

export interface SRecord {
  Id: string;
  [field: string]: FieldValue | undefined;
}

export interface RecordSource {
  /** Where the records come from, for the start-up line and error messages. */
  readonly description: string;
  /** Every live (not deleted) record of an object; an object the org does not have gives []. */
  list(objectName: string): Promise<SRecord[]>;
  update(objectName: string, id: string, fields: Record<string, FieldValue>): Promise<void>;
  insert(objectName: string, fields: Record<string, FieldValue>): Promise<string>;
  /** Deletes records (all or none, as Apex `delete`); at most 200 ids, as one Collections request takes. */
  delete(objectName: string, ids: string[]): Promise<void>;
}

/** Standard key prefixes, so a bare record id (a record page URL) can be traced to its object. */
const STANDARD_PREFIXES: Record<string, string> = { '001': 'Account', '003': 'Contact', '005': 'User' };

export async function findRecord(
  source: RecordSource,
  recordId: string,
  candidates: string[]
): Promise<{ objectName: string; record: SRecord } | undefined> {
  const standard = STANDARD_PREFIXES[recordId.slice(0, 3)];
  const objects = standard ? [standard] : candidates;
  for (const objectName of objects) {
    const record = (await source.list(objectName)).find((each) => sameId(each.Id, recordId));
    if (record) return { objectName, record };
  }
  return undefined;
}

/** 15- and 18-character forms of one id are the same record. */
export function sameId(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  return a.slice(0, 15) === b.slice(0, 15);
}
