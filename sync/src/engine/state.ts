import { BindingError } from '../core/errors';
import { portalIdOf } from '../core/keys';
import { type SalesforcePort, type SalesforceRecord, soqlString } from '../salesforce/port';
import { type BoundSchema, SCHEMA, SINGLETON_KEY } from '../salesforce/schema';

/**
 * SyncState__c, the runner-owned singleton: the org↔portal binding, watermarks, cursors. Phases read it
 * through `get` and change it through `save` (an upsert by StateKey__c).
 */
export type StateField = keyof (typeof SCHEMA)['SyncState']['fields'];

export class SyncStateStore {
  private row: SalesforceRecord | undefined;

  constructor(
    private readonly sf: SalesforcePort,
    private readonly schema: BoundSchema
  ) {}

  async load(): Promise<void> {
    const o = this.schema.SyncState;
    const fields = Object.values(o.f).join(', ');
    const rows = await this.sf.query(
      `SELECT Id, ${fields} FROM ${o.name} WHERE ${o.f.StateKey} = ${soqlString(SINGLETON_KEY)} LIMIT 1`
    );
    this.row = rows[0];
  }

  get exists(): boolean {
    return this.row !== undefined;
  }

  get(field: StateField): unknown {
    return this.row?.[this.schema.SyncState.f[field]] ?? null;
  }

  private staged: Partial<Record<StateField, unknown>> = {};

  /**
   * Queues changes for the engine's one state write at the end of the run (saves a call per phase). Stage
   * only what is already safe to keep, e.g. a watermark after the writes it covers have succeeded.
   */
  stage(patch: Partial<Record<StateField, unknown>>): void {
    this.staged = { ...this.staged, ...patch };
  }

  /** Writes the staged changes plus `patch` now (one upsert). */
  async save(patch: Partial<Record<StateField, unknown>>): Promise<void> {
    patch = { ...this.staged, ...patch };
    this.staged = {};
    const f = this.schema.SyncState.f;
    const record: SalesforceRecord = { [f.StateKey]: SINGLETON_KEY };
    if (!this.row) record.Name = 'TalentLMS sync state';
    for (const [key, value] of Object.entries(patch)) record[f[key as StateField]] = value;
    const [result] = await this.sf.upsert(this.schema.SyncState.name, f.StateKey, [record]);
    if (!result.success) {
      throw new BindingError(
        'SALESFORCE_WRITE_FAILED',
        `Could not save the sync state: ${result.errors.map((e) => `${e.statusCode}: ${e.message}`).join('; ')}`,
        {
          data: { errors: result.errors }
        }
      );
    }
    this.row = { ...(this.row ?? {}), ...record, ...(result.id ? { Id: result.id } : {}) };
  }
}

export interface ActualBinding {
  organizationId: string;
  isSandbox: boolean;
  talentlmsDomain: string;
}

export type BindingVerdict = { action: 'record' } | { action: 'ok' };

/**
 * The first run records {organizationId, isSandbox, talentlmsDomain}; every later run refuses to start when
 * one differs — a refreshed sandbox (which carries production's state record) pointed at the production
 * portal must never edit or deactivate real learners. A sandbox is bound only with an explicit opt-in.
 */
export function checkBinding(
  bound: { organizationId: unknown; isSandbox: unknown; talentlmsDomain: unknown },
  actual: ActualBinding,
  allowSandbox: boolean
): BindingVerdict {
  if (actual.isSandbox && !allowSandbox) {
    throw new BindingError(
      'BINDING_SANDBOX_NOT_ALLOWED',
      `Org ${actual.organizationId} is a sandbox; binding a sandbox needs an explicit opt-in`,
      { data: { organizationId: actual.organizationId } }
    );
  }
  if (!bound.organizationId) return { action: 'record' };
  const mismatches: string[] = [];
  // Ids may be stored in their 15- or 18-character form; the first 15 characters identify the org.
  if (String(bound.organizationId).slice(0, 15) !== actual.organizationId.slice(0, 15)) {
    mismatches.push(`organization ${String(bound.organizationId)} ≠ ${actual.organizationId}`);
  }
  if (Boolean(bound.isSandbox) !== actual.isSandbox) {
    mismatches.push(`sandbox ${Boolean(bound.isSandbox)} ≠ ${actual.isSandbox}`);
  }
  if (String(bound.talentlmsDomain ?? '').toLowerCase() !== actual.talentlmsDomain.toLowerCase()) {
    mismatches.push(`TalentLMS domain ${String(bound.talentlmsDomain)} ≠ ${actual.talentlmsDomain}`);
  }
  if (mismatches.length > 0) {
    throw new BindingError(
      'BINDING_MISMATCH',
      `This connector is bound to another org or portal: ${mismatches.join('; ')}`,
      { data: { bound, actual, mismatches } }
    );
  }
  return { action: 'ok' };
}

export function bindingPatch(actual: ActualBinding, now: number): Partial<Record<StateField, unknown>> {
  return {
    OrganizationId: actual.organizationId,
    IsSandbox: actual.isSandbox,
    TalentLmsDomain: actual.talentlmsDomain,
    PortalId: portalIdOf(actual.talentlmsDomain),
    BoundAt: new Date(now).toISOString()
  };
}
