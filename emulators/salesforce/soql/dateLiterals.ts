import { malformed } from '../errors';

/**
 * SOQL date literals as half-open UTC ranges [start, end) in epoch ms, measured from the emulator's clock.
 * Real orgs evaluate them in the running user's time zone and fiscal year settings; the emulator's user is on
 * UTC with a January fiscal year (README "Configurable uncertainties").
 */
export interface DateRange {
  start: number;
  end: number;
}

const DAY = 86_400_000;

function startOfDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1);
}

function startOfMonth(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

function startOfQuarter(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) * 3, 1);
}

function startOfYear(ms: number): number {
  return Date.UTC(new Date(ms).getUTCFullYear(), 0, 1);
}

/** Weeks start on Sunday (en_US locale). */
function startOfWeek(ms: number): number {
  const day = startOfDay(ms);
  return day - new Date(day).getUTCDay() * DAY;
}

export function dateLiteralRange(literal: string, now: number): DateRange {
  const today = startOfDay(now);
  const week = startOfWeek(now);
  const month = startOfMonth(now);
  const quarter = startOfQuarter(now);
  const year = startOfYear(now);
  const fixed: Record<string, DateRange> = {
    YESTERDAY: { start: today - DAY, end: today },
    TODAY: { start: today, end: today + DAY },
    TOMORROW: { start: today + DAY, end: today + 2 * DAY },
    LAST_WEEK: { start: week - 7 * DAY, end: week },
    THIS_WEEK: { start: week, end: week + 7 * DAY },
    NEXT_WEEK: { start: week + 7 * DAY, end: week + 14 * DAY },
    LAST_MONTH: { start: addMonths(month, -1), end: month },
    THIS_MONTH: { start: month, end: addMonths(month, 1) },
    NEXT_MONTH: { start: addMonths(month, 1), end: addMonths(month, 2) },
    LAST_90_DAYS: { start: today - 90 * DAY, end: today + DAY },
    NEXT_90_DAYS: { start: today + DAY, end: today + 91 * DAY },
    LAST_QUARTER: { start: addMonths(quarter, -3), end: quarter },
    THIS_QUARTER: { start: quarter, end: addMonths(quarter, 3) },
    NEXT_QUARTER: { start: addMonths(quarter, 3), end: addMonths(quarter, 6) },
    LAST_YEAR: { start: addMonths(year, -12), end: year },
    THIS_YEAR: { start: year, end: addMonths(year, 12) },
    NEXT_YEAR: { start: addMonths(year, 12), end: addMonths(year, 24) }
  };
  const range = fixed[literal.toUpperCase()];
  if (!range) throw malformed(`Date literal ${literal} is not supported by the emulator`);
  return range;
}

export function dateNLiteralRange(literal: string, n: number, now: number): DateRange {
  if (!Number.isInteger(n) || n < 0) throw malformed(`Invalid date literal ${literal}`);
  const today = startOfDay(now);
  const name = literal.split(':')[0].toUpperCase();
  const week = startOfWeek(now);
  const month = startOfMonth(now);
  const quarter = startOfQuarter(now);
  const year = startOfYear(now);
  switch (name) {
    // LAST_N_DAYS:n covers the n days before today and today itself (documented).
    case 'LAST_N_DAYS':
      return { start: today - n * DAY, end: today + DAY };
    case 'NEXT_N_DAYS':
      return { start: today + DAY, end: today + (n + 1) * DAY };
    case 'N_DAYS_AGO':
      return { start: today - n * DAY, end: today - (n - 1) * DAY };
    case 'LAST_N_WEEKS':
      return { start: week - 7 * n * DAY, end: week };
    case 'NEXT_N_WEEKS':
      return { start: week + 7 * DAY, end: week + 7 * (n + 1) * DAY };
    case 'N_WEEKS_AGO':
      return { start: week - 7 * n * DAY, end: week - 7 * (n - 1) * DAY };
    case 'LAST_N_MONTHS':
      return { start: addMonths(month, -n), end: month };
    case 'NEXT_N_MONTHS':
      return { start: addMonths(month, 1), end: addMonths(month, n + 1) };
    case 'N_MONTHS_AGO':
      return { start: addMonths(month, -n), end: addMonths(month, -n + 1) };
    case 'LAST_N_QUARTERS':
      return { start: addMonths(quarter, -3 * n), end: quarter };
    case 'NEXT_N_QUARTERS':
      return { start: addMonths(quarter, 3), end: addMonths(quarter, 3 * (n + 1)) };
    case 'N_QUARTERS_AGO':
      return { start: addMonths(quarter, -3 * n), end: addMonths(quarter, -3 * n + 3) };
    case 'LAST_N_YEARS':
      return { start: addMonths(year, -12 * n), end: year };
    case 'NEXT_N_YEARS':
      return { start: addMonths(year, 12), end: addMonths(year, 12 * (n + 1)) };
    case 'N_YEARS_AGO':
      return { start: addMonths(year, -12 * n), end: addMonths(year, -12 * n + 12) };
    default:
      throw malformed(`Date literal ${literal} is not supported by the emulator`);
  }
}
