import LOCALE from '@salesforce/i18n/locale';
import LABELS from 'c/learningLabels';

/** Normalised course statuses in display order (the picklist API values of Status__c). */
export const STATUSES = ['NotStarted', 'InProgress', 'Completed', 'Failed', 'Expired', 'Unknown'];

const STATUS_LABELS = {
  NotStarted: LABELS.statusNotStarted,
  InProgress: LABELS.statusInProgress,
  Completed: LABELS.statusCompleted,
  Failed: LABELS.statusFailed,
  Expired: LABELS.statusExpired,
  Unknown: LABELS.statusUnknown
};

const TALENTLMS_SUFFIX = '.talentlms.com';

/**
 * The display label of a normalised status; anything unexpected reads as Unknown.
 * @param {String} status a Status__c API value
 * @return {String} the label
 */
export function statusLabel(status) {
  return STATUS_LABELS[status] || STATUS_LABELS.Unknown;
}

/**
 * Lower-cased host of a portal domain given with or without scheme and path ("acme.talentlms.com",
 * "https://learn.acme.com/"), or null.
 */
export function portalHostOf(portal) {
  if (typeof portal !== 'string' || !portal.trim()) {
    return null;
  }
  const text = portal.trim().toLowerCase();
  try {
    return new URL(text.includes('://') ? text : `https://${text}`).hostname || null;
  } catch {
    return null;
  }
}

/**
 * A link or image URL from TalentLMS, or null when it must not be rendered: only https, no credentials,
 * and a host under talentlms.com or equal to the portal's own (custom) domain.
 * @param {String} value the URL as stored in Salesforce
 * @param {String} portalHost the bound TalentLMS domain, when known
 * @return {String|null} the normalised URL
 */
export function safeTalentLmsUrl(value, portalHost) {
  if (typeof value !== 'string' || !value.trim()) {
    return null;
  }
  let url;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password) {
    return null;
  }
  const host = url.hostname.toLowerCase();
  const portal = portalHostOf(portalHost);
  const trusted = host.endsWith(TALENTLMS_SUFFIX) || (portal !== null && host === portal);
  return trusted ? url.href : null;
}

/**
 * Replaces {0}, {1}, ... in a label with values.
 * @param {String} template the label text
 * @param {...*} values the values
 * @return {String} the text
 */
export function formatLabel(template, ...values) {
  return String(template).replace(/\{(\d+)\}/g, (match, index) => {
    const value = values[index];
    return value === undefined || value === null ? '' : String(value);
  });
}

/**
 * Time spent as "1h 05m" when the formula text is not available.
 * @param {Number} seconds time spent in seconds
 * @return {String|null} the text
 */
export function formatDuration(seconds) {
  if (typeof seconds !== 'number' || seconds < 0) {
    return null;
  }
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return `${hours}h ${String(minutes).padStart(2, '0')}m`;
}

/**
 * A sorted copy of rows; empty values sort last in both directions, ties keep their order.
 * @param {Object[]} rows the rows
 * @param {String} fieldName the field to sort on
 * @param {String} direction 'asc' or 'desc'
 * @return {Object[]} the sorted copy
 */
export function sortRows(rows, fieldName, direction) {
  const factor = direction === 'desc' ? -1 : 1;
  return (rows || [])
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const left = a.row[fieldName];
      const right = b.row[fieldName];
      const leftEmpty = left === undefined || left === null || left === '';
      const rightEmpty = right === undefined || right === null || right === '';
      if (leftEmpty || rightEmpty) {
        return leftEmpty === rightEmpty ? a.index - b.index : leftEmpty ? 1 : -1;
      }
      const order =
        typeof left === 'string' && typeof right === 'string'
          ? left.localeCompare(right, undefined, { sensitivity: 'base' })
          : left < right
            ? -1
            : left > right
              ? 1
              : 0;
      return order === 0 ? a.index - b.index : order * factor;
    })
    .map((entry) => entry.row);
}

/**
 * Messages for the partial-data reasons Apex reports (FieldsHidden, SectionsHidden, Truncated).
 * @param {String[]} reasons reason codes
 * @return {String[]} label texts
 */
export function partialMessages(reasons) {
  const byReason = {
    FieldsHidden: LABELS.partialFieldsHidden,
    SectionsHidden: LABELS.partialSectionsHidden,
    Truncated: LABELS.partialTruncated
  };
  return (reasons || []).map((reason) => byReason[reason] || LABELS.partialGeneric);
}

/**
 * A DTO date (YYYY-MM-DD) in the user's locale. Formatted in UTC, because a date has no time zone and
 * formatting it in the browser's zone could show the previous day.
 * @param {String} value the date
 * @return {String|null} the text
 */
export function formatDate(value) {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return null;
  }
  try {
    return new Intl.DateTimeFormat(LOCALE, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      timeZone: 'UTC'
    }).format(new Date(`${value}T00:00:00Z`));
  } catch {
    return value;
  }
}
