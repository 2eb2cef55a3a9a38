import type { FieldValue, RecordSource, SRecord } from './recordSource';

/**
 * Records held in memory: the unit tests' source, and the preview's own fallback while no Salesforce emulator
 * is available. Ids are generated per object with a stable 3-character prefix.
 */
export class MemoryRecordSource implements RecordSource {
  readonly description = 'in-memory records';
  private readonly objects = new Map<string, SRecord[]>();
  private sequence = 0;

  constructor(initial: Record<string, SRecord[]> = {}) {
    for (const [objectName, records] of Object.entries(initial)) {
      this.objects.set(
        objectName,
        records.map((record) => ({ ...record }))
      );
    }
  }

  async list(objectName: string): Promise<SRecord[]> {
    return (this.objects.get(objectName) ?? []).map((record) => ({ ...record }));
  }

  async update(objectName: string, id: string, fields: Record<string, FieldValue>): Promise<void> {
    const record = (this.objects.get(objectName) ?? []).find((each) => each.Id === id);
    if (!record) throw new Error(`${objectName} ${id} does not exist`);
    Object.assign(record, fields, { Id: id });
  }

  async insert(objectName: string, fields: Record<string, FieldValue>): Promise<string> {
    const id = `a0M${String(++this.sequence).padStart(12, '0')}AAA`;
    const records = this.objects.get(objectName) ?? [];
    records.push({ ...fields, Id: id });
    this.objects.set(objectName, records);
    return id;
  }

  async delete(objectName: string, ids: string[]): Promise<void> {
    const records = this.objects.get(objectName) ?? [];
    const missing = ids.filter((id) => !records.some((record) => record.Id === id));
    if (missing.length > 0) throw new Error(`${objectName} ${missing.join(', ')} does not exist`);
    this.objects.set(
      objectName,
      records.filter((record) => !ids.includes(record.Id))
    );
  }
}
