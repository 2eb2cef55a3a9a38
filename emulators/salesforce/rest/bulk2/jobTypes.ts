import { ApiError } from '../../errors';
import type { StoredValue } from '../../values';

/** Bulk API 2.0 job records and the CSV they speak. */
export type JobState = 'Open' | 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';

export const DELIMITERS: Record<string, string> = {
  COMMA: ',',
  TAB: '\t',
  PIPE: '|',
  SEMICOLON: ';',
  CARET: '^',
  BACKQUOTE: '`'
};

export interface JobBase {
  id: string;
  operation: string;
  object: string;
  createdById: string;
  createdDate: string;
  state: JobState;
  apiVersion: number;
  lineEnding: 'LF' | 'CRLF';
  columnDelimiter: string;
  pollsLeft: number;
  errorMessage?: string;
}

export interface QueryJob extends JobBase {
  kind: 'query';
  query: string;
  header: string[];
  rows: StoredValue[][];
}

export interface IngestJob extends JobBase {
  kind: 'ingest';
  externalIdFieldName?: string;
  csv: string[];
  header: string[];
  successful: string[][];
  failed: string[][];
  unprocessed: string[][];
  lockFault: boolean;
}

export type Job = QueryJob | IngestJob;

export function csvCell(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

export function toCsv(job: JobBase, rows: string[][]): string {
  const eol = job.lineEnding === 'CRLF' ? '\r\n' : '\n';
  const delimiter = DELIMITERS[job.columnDelimiter] ?? ',';
  return rows.map((r) => r.map(csvCell).join(delimiter)).join(eol) + eol;
}

export function cell(value: StoredValue): string {
  return value === null ? '' : String(value);
}

export function invalidJob(message: string): ApiError {
  return new ApiError(400, 'INVALIDJOB', message);
}
