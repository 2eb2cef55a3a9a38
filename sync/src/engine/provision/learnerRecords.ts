import type { LearnerRow, LearnerState, LearnerTarget, PersonType } from '../../core/provision';
import type { SalesforceRecord } from '../../salesforce/port';
import type { BoundSchema } from '../../salesforce/schema';

/** Learner__c rows ↔ plain data. Only the fields provisioning owns are read and written here. */

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

export function learnerSelectFields(schema: BoundSchema): string[] {
  const f = schema.Learner.f;
  return [
    'Name',
    f.SalesforceId,
    f.PersonType,
    f.TalentLmsUserId,
    f.Login,
    f.Email,
    f.State,
    f.StateMessage,
    f.ExclusionReason,
    f.TalentLmsStatus,
    f.UserType,
    f.Account,
    f.BranchId,
    f.BranchName,
    f.Groups
  ];
}

export function learnerRowOf(record: SalesforceRecord, schema: BoundSchema): LearnerRow {
  const f = schema.Learner.f;
  const status = text(record[f.TalentLmsStatus]);
  return {
    recordId: text(record.Id),
    salesforceId: String(record[f.SalesforceId]),
    personType: (text(record[f.PersonType]) ?? 'Contact') as PersonType,
    name: text(record.Name),
    talentlmsUserId: text(record[f.TalentLmsUserId]),
    login: text(record[f.Login]),
    email: text(record[f.Email]),
    state: text(record[f.State]) as LearnerState | null,
    stateMessage: text(record[f.StateMessage]),
    exclusionReason: text(record[f.ExclusionReason]),
    talentlmsStatus: status === 'Active' || status === 'Inactive' ? status : null,
    userType: text(record[f.UserType]),
    accountId: text(record[f.Account]),
    branchId: text(record[f.BranchId]),
    branchName: text(record[f.BranchName]),
    groups: text(record[f.Groups])
  };
}

export interface LearnerWrite {
  target: LearnerTarget;
  /** Resolved at execution: the branch id (new branches get theirs when created). */
  branchId?: string | null;
  branchName?: string | null;
  /** Person lookups are written only for people Salesforce still has (a deleted parent fails the write). */
  linkPerson: boolean;
}

const clip = (value: string | null, max: number) => (value === null ? null : value.slice(0, max));

/** The Learner__c record (upserted by SalesforceId__c). */
export function learnerRecord(
  write: LearnerWrite,
  schema: BoundSchema,
  portalId: string,
  nowIso: string
): SalesforceRecord {
  const f = schema.Learner.f;
  const t = write.target;
  const record: SalesforceRecord = {
    Name: clip(t.name, 80),
    [f.SalesforceId]: t.salesforceId,
    [f.PersonType]: t.personType,
    [f.TalentLmsUserId]: t.talentlmsUserId,
    [f.Login]: clip(t.login, 150),
    [f.Email]: t.email && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(t.email) ? t.email.slice(0, 80) : null,
    [f.State]: t.state,
    [f.StateMessage]: clip(t.stateMessage, 255),
    [f.ExclusionReason]: clip(t.exclusionReason, 80),
    [f.TalentLmsStatus]: t.talentlmsStatus,
    [f.UserType]: clip(t.userType, 40),
    [f.PortalId]: portalId,
    [f.LastProvisionedAt]: nowIso
  };
  if (write.linkPerson) {
    if (t.personType === 'User') record[f.User] = t.salesforceId;
    else {
      record[f.Contact] = t.salesforceId;
      record[f.Account] = t.accountId;
    }
  }
  if (t.group !== undefined) record[f.Groups] = clip(t.group, 255);
  if (write.branchId !== undefined) {
    record[f.BranchId] = write.branchId;
    record[f.BranchName] = clip(write.branchName ?? null, 255);
  }
  return record;
}

/** Whether writing `record` would change the stored row (LastProvisionedAt aside). */
export function learnerChanged(
  record: SalesforceRecord,
  row: LearnerRow | undefined,
  schema: BoundSchema
): boolean {
  if (!row) return true;
  const f = schema.Learner.f;
  const stored: Record<string, unknown> = {
    Name: row.name,
    [f.TalentLmsUserId]: row.talentlmsUserId,
    [f.Login]: row.login,
    [f.Email]: row.email,
    [f.State]: row.state,
    [f.StateMessage]: row.stateMessage,
    [f.ExclusionReason]: row.exclusionReason,
    [f.TalentLmsStatus]: row.talentlmsStatus,
    [f.UserType]: row.userType,
    [f.Account]: row.accountId,
    [f.BranchId]: row.branchId,
    [f.BranchName]: row.branchName,
    [f.Groups]: row.groups
  };
  for (const [key, before] of Object.entries(stored)) {
    if (!(key in record)) continue;
    const after = record[key] ?? null;
    if ((before ?? null) !== after) return true;
  }
  return false;
}
