import { parse as parseCsv } from 'csv-parse/sync';
import type { EmulatorContext } from '../context';
import { ApiError, RecordFailure, lockFailure } from '../errors';
import { jsonBody, type RouteRequest, type RouteResponse } from '../http';
import { IdFactory } from '../ids';
import type { ObjectDef } from '../schema';
import { compileQuery, type CompiledQuery } from '../soql/compile';
import { readPath, type FieldPath } from '../soql/paths';
import { runQuery } from '../soql/execute';
import { formatDateTime, type StoredValue } from '../values';
import { toFailure, type SaveResult } from '../writes';
import { repeatedKeys } from './collections';

/**
 * Bulk API 2.0 (salesforce.md §2, §3): query jobs with `Sforce-Locator` paging ("null" on the last page) and
 * ingest jobs (insert, update, upsert, delete, hardDelete) with successful, failed and unprocessed results.
 * Jobs run when they are created (query) or closed (ingest); status polls then report InProgress a
 * configurable number of times before JobComplete, so clients exercise their poll loops.
 */
type JobState = 'Open' | 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';

const DELIMITERS: Record<string, string> = {
  COMMA: ',',
  TAB: '\t',
  PIPE: '|',
  SEMICOLON: ';',
  CARET: '^',
  BACKQUOTE: '`'
};

interface JobBase {
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

interface QueryJob extends JobBase {
  kind: 'query';
  query: string;
  header: string[];
  rows: StoredValue[][];
}

interface IngestJob extends JobBase {
  kind: 'ingest';
  externalIdFieldName?: string;
  csv: string[];
  header: string[];
  successful: string[][];
  failed: string[][];
  unprocessed: string[][];
  lockFault: boolean;
}

type Job = QueryJob | IngestJob;

function csvCell(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

function toCsv(job: JobBase, rows: string[][]): string {
  const eol = job.lineEnding === 'CRLF' ? '\r\n' : '\n';
  const delimiter = DELIMITERS[job.columnDelimiter] ?? ',';
  return rows.map((r) => r.map(csvCell).join(delimiter)).join(eol) + eol;
}

function cell(value: StoredValue): string {
  return value === null ? '' : String(value);
}

function invalidJob(message: string): ApiError {
  return new ApiError(400, 'INVALIDJOB', message);
}

export class BulkJobs {
  private readonly jobs = new Map<string, Job>();
  private readonly ids = new IdFactory('8c');
  queryJobsCreated = 0;
  ingestBatches = 0;

  constructor(private readonly ctx: () => EmulatorContext) {}

  private info(job: Job) {
    const base = {
      id: job.id,
      operation: job.operation,
      object: job.object,
      createdById: job.createdById,
      createdDate: job.createdDate,
      systemModstamp: job.createdDate,
      state: job.state,
      concurrencyMode: 'Parallel',
      contentType: 'CSV',
      apiVersion: job.apiVersion,
      lineEnding: job.lineEnding,
      columnDelimiter: job.columnDelimiter
    };
    if (job.kind === 'query') {
      return {
        ...base,
        jobType: 'V2Query',
        numberRecordsProcessed: job.state === 'JobComplete' ? job.rows.length : 0,
        retries: 0,
        totalProcessingTime: 0
      };
    }
    return {
      ...base,
      externalIdFieldName: job.externalIdFieldName,
      jobType: 'V2Ingest',
      numberRecordsProcessed: job.state === 'JobComplete' ? job.successful.length + job.failed.length : 0,
      numberRecordsFailed: job.state === 'JobComplete' ? job.failed.length : 0,
      retries: 0,
      totalProcessingTime: 0,
      errorMessage: job.errorMessage
    };
  }

  private get<K extends Job['kind']>(kind: K, id: string): Extract<Job, { kind: K }> {
    const job = this.jobs.get(id);
    if (!job || job.kind !== kind)
      throw new ApiError(404, 'NOT_FOUND', 'The requested resource does not exist');
    return job as Extract<Job, { kind: K }>;
  }

  private base(req: RouteRequest, body: Record<string, unknown>, operation: string, object: string): JobBase {
    const ctx = this.ctx();
    const lineEnding = body.lineEnding === undefined ? 'LF' : body.lineEnding;
    const columnDelimiter = body.columnDelimiter === undefined ? 'COMMA' : body.columnDelimiter;
    if (lineEnding !== 'LF' && lineEnding !== 'CRLF')
      throw invalidJob(`Invalid lineEnding: ${String(lineEnding)}`);
    if (typeof columnDelimiter !== 'string' || !DELIMITERS[columnDelimiter]) {
      throw invalidJob(`Invalid columnDelimiter: ${String(columnDelimiter)}`);
    }
    if (body.contentType !== undefined && body.contentType !== 'CSV')
      throw invalidJob('contentType must be CSV');
    return {
      id: this.ids.next('750'),
      operation,
      object,
      createdById: ctx.runAsUserId,
      createdDate: formatDateTime(ctx.clock.now()),
      state: 'UploadComplete',
      apiVersion: Number(req.apiVersion),
      lineEnding,
      columnDelimiter,
      pollsLeft: ctx.bulkProcessingPolls
    };
  }

  /** POST /jobs/query */
  createQuery(req: RouteRequest): RouteResponse {
    const ctx = this.ctx();
    const body = jsonBody(req) as Record<string, unknown>;
    const operation = body.operation ?? 'query';
    if (operation !== 'query' && operation !== 'queryAll')
      throw invalidJob(`Invalid operation: ${String(operation)}`);
    if (typeof body.query !== 'string' || !body.query.trim()) throw invalidJob('A query is required');
    let compiled: CompiledQuery;
    try {
      compiled = compileQuery(body.query, ctx.schema, ctx.permissions, ctx.clock.now());
    } catch (error) {
      if (error instanceof ApiError) throw invalidJob(error.message);
      throw error;
    }
    if (compiled.countOnly || compiled.offset !== undefined)
      throw invalidJob('COUNT() and OFFSET are not supported by Bulk API 2.0 queries');
    const rows = runQuery(compiled, ctx.store, operation === 'queryAll');
    const job: QueryJob = {
      ...this.base(req, body, operation, compiled.object.name),
      kind: 'query',
      query: body.query,
      header: compiled.select.map(columnName),
      rows: rows.map((r) => compiled.select.map((p: FieldPath) => readPath(ctx.store, r, p)))
    };
    this.jobs.set(job.id, job);
    this.queryJobsCreated += 1;
    return { status: 200, body: this.info(job) };
  }

  private advance(job: Job): void {
    if (job.state !== 'UploadComplete' && job.state !== 'InProgress') return;
    if (job.pollsLeft > 0) {
      job.pollsLeft -= 1;
      job.state = 'InProgress';
    } else job.state = job.errorMessage ? 'Failed' : 'JobComplete';
  }

  /** GET /jobs/query/{id} and GET /jobs/ingest/{id} */
  status(kind: Job['kind'], id: string): RouteResponse {
    const job = this.get(kind, id);
    const reported = this.info(job);
    this.advance(job);
    return { status: 200, body: reported };
  }

  /** GET /jobs/query/{id}/results?locator=&maxRecords= */
  results(req: RouteRequest, id: string): RouteResponse {
    const ctx = this.ctx();
    const job = this.get('query', id);
    if (Number(req.apiVersion) !== job.apiVersion) {
      // Results must be read with the API version that created the job (salesforce.md §2).
      throw new ApiError(
        409,
        'INVALIDJOB',
        `Job ${job.id} was created with API version ${job.apiVersion.toFixed(1)}; read its results with that version`
      );
    }
    if (job.state !== 'JobComplete')
      throw new ApiError(400, 'INVALIDJOB', `Job is not complete: ${job.state}`);
    const locator = req.query.get('locator');
    const start = locator ? Number(Buffer.from(locator, 'base64url').toString('utf8')) : 0;
    if (!Number.isInteger(start) || start < 0 || start > job.rows.length) {
      throw new ApiError(400, 'INVALID_LOCATOR', `Invalid locator: ${locator}`);
    }
    const max = req.query.get('maxRecords');
    const size = max ? Number(max) : ctx.bulkQueryPageSize;
    if (!Number.isInteger(size) || size <= 0)
      throw new ApiError(400, 'INVALIDJOB', `Invalid maxRecords: ${max}`);
    const end = Math.min(job.rows.length, start + size);
    const page = job.rows.slice(start, end).map((r) => r.map(cell));
    return {
      status: 200,
      body: toCsv(job, [job.header, ...page]),
      contentType: 'text/csv',
      headers: {
        'Sforce-NumberOfRecords': String(page.length),
        'Sforce-Locator': end < job.rows.length ? Buffer.from(String(end)).toString('base64url') : 'null'
      }
    };
  }

  /** PATCH /jobs/{kind}/{id} with {"state": "UploadComplete" | "Aborted"} */
  patch(kind: Job['kind'], req: RouteRequest, id: string): RouteResponse {
    const job = this.get(kind, id);
    const state = (jsonBody(req) as { state?: unknown }).state;
    if (state === 'Aborted') {
      if (job.state === 'JobComplete' || job.state === 'Failed')
        throw invalidJob(`Cannot abort a job in state ${job.state}`);
      if (job.kind === 'ingest') job.unprocessed = this.parseRows(job).rows;
      job.state = 'Aborted';
      return { status: 200, body: this.info(job) };
    }
    if (state === 'UploadComplete' && job.kind === 'ingest') {
      if (job.state !== 'Open') throw invalidJob(`Cannot close a job in state ${job.state}`);
      job.state = 'UploadComplete';
      this.process(job);
      return { status: 200, body: this.info(job) };
    }
    throw invalidJob(`Invalid state transition to ${String(state)}`);
  }

  /** DELETE /jobs/{kind}/{id} */
  remove(kind: Job['kind'], id: string): RouteResponse {
    const job = this.get(kind, id);
    if (job.state === 'Open' || job.state === 'InProgress' || job.state === 'UploadComplete') {
      throw invalidJob(`Cannot delete a job in state ${job.state}; abort it first`);
    }
    this.jobs.delete(id);
    return { status: 204 };
  }

  list(kind: Job['kind']): RouteResponse {
    const records = [...this.jobs.values()].filter((j) => j.kind === kind).map((j) => this.info(j));
    return { status: 200, body: { done: true, records, nextRecordsUrl: null } };
  }

  /** POST /jobs/ingest */
  createIngest(req: RouteRequest): RouteResponse {
    const ctx = this.ctx();
    const body = jsonBody(req) as Record<string, unknown>;
    const operation = String(body.operation ?? '');
    if (!['insert', 'update', 'upsert', 'delete', 'hardDelete'].includes(operation)) {
      throw invalidJob(`Invalid operation: ${operation}`);
    }
    const object = ctx.schema.object(String(body.object ?? ''));
    if (!object || !ctx.permissions.canReadObject(object))
      throw invalidJob(`sObject type '${String(body.object)}' is not supported`);
    if (operation === 'upsert') {
      if (typeof body.externalIdFieldName !== 'string')
        throw invalidJob('externalIdFieldName is required for upsert');
      ctx.writer.upsertField(object, body.externalIdFieldName);
    }
    if (operation === 'hardDelete' && !ctx.permissions.hasUserPermission('BulkApiHardDelete')) {
      throw new ApiError(400, 'FEATURENOTENABLED', 'hardDelete requires the Bulk API Hard Delete permission');
    }
    const job: IngestJob = {
      ...this.base(req, body, operation, object.name),
      state: 'Open',
      kind: 'ingest',
      externalIdFieldName:
        typeof body.externalIdFieldName === 'string' ? body.externalIdFieldName : undefined,
      csv: [],
      header: [],
      successful: [],
      failed: [],
      unprocessed: [],
      lockFault: false
    };
    this.jobs.set(job.id, job);
    return { status: 200, body: this.info(job) };
  }

  /** PUT /jobs/ingest/{id}/batches (text/csv) */
  upload(req: RouteRequest, id: string): RouteResponse {
    const job = this.get('ingest', id);
    if (job.state !== 'Open') throw invalidJob(`Cannot upload data to a job in state ${job.state}`);
    const type = String(req.headers['content-type'] ?? '');
    if (!type.startsWith('text/csv'))
      throw new ApiError(400, 'INVALIDCONTENTTYPE', 'Content-Type must be text/csv');
    job.csv.push(req.rawBody.toString('utf8'));
    job.lockFault ||= req.lockFault;
    this.ingestBatches += 1;
    return { status: 201 };
  }

  private parseRows(job: IngestJob): { header: string[]; rows: string[][] } {
    const rows: string[][] = [];
    let header: string[] = [];
    for (const chunk of job.csv) {
      const parsed = parseCsv(chunk, {
        delimiter: DELIMITERS[job.columnDelimiter],
        relax_column_count: false,
        skip_empty_lines: true
      }) as string[][];
      if (parsed.length === 0) continue;
      header = parsed[0];
      rows.push(...parsed.slice(1));
    }
    return { header, rows };
  }

  private process(job: IngestJob): void {
    const ctx = this.ctx();
    let parsed: { header: string[]; rows: string[][] };
    try {
      parsed = this.parseRows(job);
    } catch (error) {
      job.errorMessage = `InvalidBatch : ${(error as Error).message}`;
      return;
    }
    job.header = parsed.header;
    const object = ctx.schema.object(job.object) as ObjectDef;
    const unknown = parsed.header.find((column) => !this.columnKnown(object, column));
    if (unknown !== undefined) {
      job.errorMessage = `InvalidBatch : Field name not found : ${unknown}`;
      job.unprocessed = parsed.rows;
      return;
    }
    const keyColumn = job.externalIdFieldName
      ? parsed.header.findIndex((h) => h.toLowerCase() === job.externalIdFieldName!.toLowerCase())
      : -1;
    const keyField = job.externalIdFieldName
      ? object.byName.get(job.externalIdFieldName.toLowerCase())
      : undefined;
    const keyOfRow = (row: string[]) =>
      keyColumn < 0 || !row[keyColumn]
        ? undefined
        : keyField?.caseSensitive
          ? row[keyColumn]
          : row[keyColumn].toLowerCase();
    const repeated = job.operation === 'upsert' ? repeatedKeys(parsed.rows.map(keyOfRow)) : new Set<string>();
    for (const row of parsed.rows) {
      const key = keyOfRow(row);
      const result =
        key !== undefined && repeated.has(key)
          ? toFailure(
              RecordFailure.of(
                'DUPLICATE_EXTERNAL_ID',
                `Duplicate external id specified: ${row[keyColumn]}`,
                [keyField!.name]
              )
            )
          : this.processRow(job, object, parsed.header, row);
      if (result.success) job.successful.push([result.id ?? '', String(result.created === true), ...row]);
      else {
        const error = result.errors
          .map((e) => `${e.statusCode}:${e.message}:${e.fields.join(',')} --`)
          .join(' ');
        job.failed.push([result.id ?? '', error, ...row]);
      }
    }
  }

  private columnKnown(object: ObjectDef, column: string): boolean {
    const [first, second] = column.split('.');
    if (second === undefined) return object.byName.has(first.toLowerCase());
    return object.byRelationship.has(first.toLowerCase());
  }

  /** Builds the record from a CSV row: blank cells are left out, `#N/A` sets null, `Rel__r.ExtId__c` resolves parents. */
  private toRecord(object: ObjectDef, header: string[], row: string[]): Record<string, unknown> {
    const ctx = this.ctx();
    const record: Record<string, unknown> = {};
    header.forEach((column, i) => {
      const raw = row[i] ?? '';
      if (raw === '') return;
      const value = raw === '#N/A' ? null : raw;
      const [first, second] = column.split('.');
      if (second === undefined) {
        record[first] = value;
        return;
      }
      const ref = object.byRelationship.get(first.toLowerCase())!;
      if (value === null) {
        record[ref.name] = null;
        return;
      }
      const parent = ref.referenceTo
        .map((name) => ctx.schema.object(name))
        .find((o) => o?.byName.get(second.toLowerCase())?.externalId || second.toLowerCase() === 'id');
      const field = parent?.byName.get(second.toLowerCase());
      const id = parent && field ? this.findByExternalId(parent, field.name, value) : undefined;
      if (!id) {
        throw RecordFailure.of(
          'INVALID_FIELD',
          `Foreign key external ID: ${value} not found for field ${second} in entity ${parent?.name ?? ref.referenceTo[0]}`,
          [ref.name]
        );
      }
      record[ref.name] = id;
    });
    return record;
  }

  private findByExternalId(object: ObjectDef, fieldName: string, value: string): string | undefined {
    const ctx = this.ctx();
    const field = object.byName.get(fieldName.toLowerCase())!;
    if (field.name === 'Id') return ctx.store.get(value)?.record.Id as string | undefined;
    if (field.unique) return ctx.store.findByUnique(object.name, field, value);
    const wanted = value.toLowerCase();
    return ctx.store
      .rows(object.name)
      .find(
        (r) => r.IsDeleted !== true && r[field.name] != null && String(r[field.name]).toLowerCase() === wanted
      )?.Id as string | undefined;
  }

  private processRow(job: IngestJob, object: ObjectDef, header: string[], row: string[]): SaveResult {
    const ctx = this.ctx();
    const idIndex = header.findIndex((h) => h.toLowerCase() === 'id');
    const id = idIndex >= 0 && row[idIndex] ? row[idIndex] : undefined;
    try {
      if (job.lockFault) throw lockFailure(id);
      return ctx.store.transaction(() => {
        const record = this.toRecord(object, header, row);
        delete record.Id;
        delete record.id;
        let result: SaveResult;
        switch (job.operation) {
          case 'insert':
            result = { ...ctx.writer.create(object.name, record), created: true };
            break;
          case 'update':
            if (!id) throw RecordFailure.of('MISSING_ARGUMENT', 'Id not specified in an update call', ['Id']);
            result = { ...ctx.writer.update(object.name, id, record), created: false };
            break;
          case 'upsert':
            result = ctx.writer.upsert(
              object.name,
              job.externalIdFieldName as string,
              id ? { ...record, Id: id } : record
            );
            break;
          case 'hardDelete':
          case 'delete': {
            if (!id) throw RecordFailure.of('MISSING_ARGUMENT', 'Id not specified in a delete call', ['Id']);
            const hit = ctx.store.get(id);
            if (!hit || hit.def !== object)
              throw RecordFailure.of('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id');
            result = { ...ctx.writer.delete(id), created: false };
            if (job.operation === 'hardDelete') ctx.store.hardDelete(id);
            break;
          }
          default:
            throw invalidJob(`Invalid operation: ${job.operation}`);
        }
        return { result, commit: true };
      });
    } catch (error) {
      return toFailure(error, id);
    }
  }

  /** GET /jobs/ingest/{id}/successfulResults | failedResults | unprocessedrecords */
  ingestResults(
    id: string,
    which: 'successfulResults' | 'failedResults' | 'unprocessedrecords'
  ): RouteResponse {
    const job = this.get('ingest', id);
    let rows: string[][];
    if (which === 'successfulResults') rows = [['sf__Id', 'sf__Created', ...job.header], ...job.successful];
    else if (which === 'failedResults') rows = [['sf__Id', 'sf__Error', ...job.header], ...job.failed];
    else rows = [job.header.length > 0 ? job.header : this.parseRows(job).header, ...job.unprocessed];
    return { status: 200, body: toCsv(job, rows), contentType: 'text/csv' };
  }
}

function columnName(path: FieldPath): string {
  return [...path.relationships.map((r) => r.relationshipName), path.field.name].join('.');
}
