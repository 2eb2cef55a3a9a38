/**
 * TalentLMS completion_status → the normalised Status__c picklist (an unrestricted picklist: docs/data-model.md).
 * users/id prints lower-case values (`not_attempted`, `incomplete`, `completed`), getuserstatusincourse
 * capitalised ones ("Completed", "Not attempted"); both are read. A value TalentLMS never documented becomes
 * Unknown (the raw value is kept in RawStatus__c) and the caller raises one issue: never a failed write.
 */
export type NormalisedStatus = 'NotStarted' | 'InProgress' | 'Completed' | 'Failed' | 'Expired' | 'Unknown';

const KNOWN: Record<string, NormalisedStatus> = {
  not_attempted: 'NotStarted',
  not_started: 'NotStarted',
  incomplete: 'InProgress',
  in_progress: 'InProgress',
  completed: 'Completed',
  failed: 'Failed',
  expired: 'Expired'
};

export interface StatusReading {
  status: NormalisedStatus;
  /** The value as TalentLMS sent it (RawStatus__c), trimmed; '' when absent. */
  raw: string;
  /** False for a non-empty value outside the known set: report it once. */
  known: boolean;
}

export function normaliseStatus(value: unknown): StatusReading {
  const raw = value === null || value === undefined ? '' : String(value).trim();
  const token = raw.toLowerCase().replace(/[\s-]+/g, '_');
  const status = KNOWN[token];
  if (status) return { status, raw, known: true };
  return { status: 'Unknown', raw, known: false };
}
