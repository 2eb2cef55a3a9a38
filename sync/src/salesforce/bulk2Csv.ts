import { parse } from 'csv-parse/sync';
import type { RecordError, SalesforceRecord, SaveResult } from './port';

/**
 * The CSV Bulk API 2.0 speaks (salesforce.md §2): records → upload CSV, result CSVs → rows, and the
 * `sf__Error` text → the RecordError shape sObject Collections answers, so callers see one result shape
 * whichever path wrote their records.
 */

/** In an upload, an empty cell leaves the field as it is and `#N/A` sets it to null (Salesforce's rule). */
export const CSV_NULL = '#N/A';

/** Status code given to rows a job never processed (aborted, failed job, or missing from every result). */
export const UNPROCESSED_CODE = 'BULK_ROW_UNPROCESSED';

function quote(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function cellOf(value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return CSV_NULL;
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (typeof value === 'string') return value === '' ? CSV_NULL : value;
  return JSON.stringify(value);
}

/**
 * One CSV with a header row: the union of the records' fields, in first-seen order. A field a record does
 * not carry is an empty cell (left unchanged), as with a Collections request that omits it.
 */
export function recordsToCsv(records: SalesforceRecord[]): { csv: string; columns: string[] } {
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const record of records) {
    for (const key of Object.keys(record)) {
      if (key === 'attributes' || seen.has(key)) continue;
      seen.add(key);
      columns.push(key);
    }
  }
  const lines = [columns.map(quote).join(',')];
  for (const record of records) lines.push(columns.map((c) => quote(cellOf(record[c]))).join(','));
  return { csv: `${lines.join('\n')}\n`, columns };
}

/** Rows of a result CSV as objects keyed by the header (every value a string; empty cells ''). */
export function parseCsvRows(text: string): Record<string, string>[] {
  if (!text.trim()) return [];
  return parse(text, { columns: true, skip_empty_lines: true, relax_quotes: false }) as Record<
    string,
    string
  >[];
}

/**
 * `sf__Error` holds one or more `STATUS_CODE:message:field,field --` entries. Messages may contain colons,
 * so the code is what precedes the first colon and the fields what follows the last one.
 */
export function parseBulkErrors(text: string): RecordError[] {
  const entries = text
    .split(/\s--(?:\s|$)/)
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) return [{ statusCode: 'UNKNOWN', message: text }];
  return entries.map((entry) => {
    const first = entry.indexOf(':');
    if (first < 0) return { statusCode: 'UNKNOWN', message: entry };
    const statusCode = entry.slice(0, first);
    const rest = entry.slice(first + 1);
    const last = rest.lastIndexOf(':');
    const message = last < 0 ? rest : rest.slice(0, last);
    const fieldText = last < 0 ? '' : rest.slice(last + 1).trim();
    const fields = fieldText ? fieldText.split(',').map((f) => f.trim()) : undefined;
    return fields ? { statusCode, message, fields } : { statusCode, message };
  });
}

export interface IngestResultSets {
  successful: Record<string, string>[];
  failed: Record<string, string>[];
  unprocessed: Record<string, string>[];
}

/**
 * Puts the three result sets back in request order. Rows are matched on `keyColumn` (the external id for
 * upserts, `Id` for updates and deletes): Bulk results come in any order and carry the input columns.
 * A record found in no set counts as unprocessed.
 */
export function resultsInRequestOrder(
  records: SalesforceRecord[],
  keyColumn: string,
  sets: IngestResultSets
): SaveResult[] {
  const normalise = (value: unknown) => String(value ?? '').toLowerCase();
  const byKey = new Map<string, SaveResult>();
  const column = (row: Record<string, string>) =>
    Object.keys(row).find((k) => k.toLowerCase() === keyColumn.toLowerCase()) ?? keyColumn;
  for (const row of sets.successful) {
    byKey.set(normalise(row[column(row)]), {
      id: row.sf__Id || null,
      success: true,
      ...(row.sf__Created === undefined ? {} : { created: row.sf__Created === 'true' }),
      errors: []
    });
  }
  for (const row of sets.failed) {
    byKey.set(normalise(row[column(row)]), {
      id: row.sf__Id || null,
      success: false,
      errors: parseBulkErrors(row.sf__Error ?? '')
    });
  }
  return records.map(
    (record) =>
      byKey.get(normalise(record[keyColumn])) ?? {
        id: null,
        success: false,
        errors: [
          {
            statusCode: UNPROCESSED_CODE,
            message: 'The Bulk API job did not process this record; it is sent again next run'
          }
        ]
      }
  );
}

/** Field types whose CSV text becomes a JSON number or boolean, as the REST API would answer them. */
const NUMERIC = new Set(['int', 'double', 'currency', 'percent', 'long']);

export function typedValue(text: string, type: string | undefined): unknown {
  if (text === '') return null;
  if (type === 'boolean') return text.toLowerCase() === 'true';
  if (type === 'datetime') {
    // Bulk CSV writes `…000Z`, REST JSON `…000+0000`: answer as REST does, so string comparisons agree.
    const ms = Date.parse(text);
    return Number.isFinite(ms) ? new Date(ms).toISOString().replace(/Z$/, '+0000') : text;
  }
  if (type && NUMERIC.has(type)) {
    const n = Number(text);
    return Number.isFinite(n) ? n : text;
  }
  return text;
}
