import type { EmulatorContext } from '../context';
import { formatDateTime, formatOptionalDateTime } from '../format/dates';
import { randomToken } from '../format/text';

/** Date and timestamp pairs as v1 prints them: `""` (or null, quirk) when empty; timestamps as strings. */
export function dateTime(ctx: EmulatorContext, epoch: number | null): string {
  return formatOptionalDateTime(epoch, ctx.settings.portal.dateFormat);
}

export function stringTimestamp(ctx: EmulatorContext, epoch: number | null): string | null {
  return epoch === null ? ctx.settings.quirks.emptyTimestamp : String(epoch);
}

export function requiredDateTime(ctx: EmulatorContext, epoch: number): string {
  return formatDateTime(epoch, ctx.settings.portal.dateFormat);
}

/** "The login_key URL changes every time it is used, so don't store it anywhere" (reference §1.2). */
export function loginKey(ctx: EmulatorContext): string {
  return ctx.state.url(`/index/autologin/key:${randomToken(ctx.random, 20)}`);
}

/** `"$0"` as in the PDF samples. */
export function price(value: string): string {
  return `$${value === '' ? '0' : value}`;
}

/** Create endpoints answer with a numeric id (C1/C4) unless the quirk asks for the PDF's string. */
export function createdId(ctx: EmulatorContext, id: string): string | number {
  return ctx.settings.quirks.createIdType === 'number' ? Number(id) : id;
}
