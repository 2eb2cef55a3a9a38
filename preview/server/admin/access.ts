import { AuraHandledError, type ApexContext } from '../apex/context';

/**
 * User-mode access for the admin tabs: a query or DML the caller's permission sets do not allow fails the way
 * `WITH USER_MODE` / `AccessLevel.USER_MODE` fail, and SetupErrors turns that into Setup_Error_NoAccess.
 */
export function requireRead(context: ApexContext, objectName: string): void {
  if (!context.permissions.canReadObject(context.persona.permissionSets, objectName)) {
    throw new AuraHandledError(context.labels.get('Setup_Error_NoAccess'));
  }
}

export function canEdit(context: ApexContext, objectName: string): boolean {
  return context.permissions.canEditObject(context.persona.permissionSets, objectName);
}

/** A user-caused refusal whose message is a custom label (SettingsException, SyncHealthException …). */
export function refuse(context: ApexContext, label: string): AuraHandledError {
  return new AuraHandledError(context.labels.get(label));
}

/** ISO-8601 UTC with Z, or null. */
export function instant(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  const date = new Date(String(value));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/**
 * What Apex `Datetime.format()` puts in a message: the user's locale and time zone (the preview's personas use
 * en_US and UTC), e.g. "11/25/2026, 8:00 AM". DTO fields stay ISO (`instant`); this is for text only.
 */
export function displayDateTime(value: unknown): string | null {
  const iso = instant(value);
  if (iso === null) return null;
  return new Intl.DateTimeFormat('en-US', {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit'
  }).format(new Date(iso));
}

export function integer(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  const number = Number(value);
  return Number.isNaN(number) ? null : Math.trunc(number);
}

/** Drops null values: in a DTO a missing key means null. */
export function compact<T extends Record<string, unknown>>(dto: T): T {
  return Object.fromEntries(
    Object.entries(dto).filter(([, value]) => value !== null && value !== undefined)
  ) as T;
}

/** The org's clock as the Datetime a record stores. */
export function nowInstant(context: ApexContext): string {
  return new Date(context.clock.now()).toISOString();
}
