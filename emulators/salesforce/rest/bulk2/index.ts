import type { EmulatorContext } from '../../context';
import { ApiError } from '../../errors';
import { jsonBody, type RouteRequest, type RouteResponse } from '../../http';
import { IdFactory } from '../../ids';
import { compileQuery, type CompiledQuery } from '../../soql/compile';
import { readPath, type FieldPath } from '../../soql/paths';
import { runQuery } from '../../soql/execute';
import { formatDateTime } from '../../values';
import { IngestProcessor } from './ingest';
import {
  cell,
  DELIMITERS,
  invalidJob,
  toCsv,
  type IngestJob,
  type Job,
  type JobBase,
  type QueryJob
} from './jobTypes';

/**
 * Bulk API 2.0 (salesforce.md §2, §3): query jobs with `Sforce-Locator` paging ("null" on the last page) and
 * ingest jobs (insert, update, upsert, delete, hardDelete) with successful, failed and unprocessed results.
 * Jobs run when they are created (query) or closed (ingest); status polls then report InProgress a
 * configurable number of times before JobComplete, so clients exercise their poll loops.
 */
export class BulkJobs {
  private readonly jobs = new Map<string, Job>();
  private readonly ids = new IdFactory('8c');
  queryJobsCreated = 0;
  ingestBatches = 0;

  private readonly ingest: IngestProcessor;

  constructor(private readonly ctx: () => EmulatorContext) {
    this.ingest = new IngestProcessor(ctx);
  }

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
      if (job.kind === 'ingest') job.unprocessed = this.ingest.parseRows(job).rows;
      job.state = 'Aborted';
      return { status: 200, body: this.info(job) };
    }
    if (state === 'UploadComplete' && job.kind === 'ingest') {
      if (job.state !== 'Open') throw invalidJob(`Cannot close a job in state ${job.state}`);
      job.state = 'UploadComplete';
      this.ingest.process(job);
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

  ingestResults(
    id: string,
    which: 'successfulResults' | 'failedResults' | 'unprocessedrecords'
  ): RouteResponse {
    const job = this.get('ingest', id);
    let rows: string[][];
    if (which === 'successfulResults') rows = [['sf__Id', 'sf__Created', ...job.header], ...job.successful];
    else if (which === 'failedResults') rows = [['sf__Id', 'sf__Error', ...job.header], ...job.failed];
    else rows = [job.header.length > 0 ? job.header : this.ingest.parseRows(job).header, ...job.unprocessed];
    return { status: 200, body: toCsv(job, rows), contentType: 'text/csv' };
  }
}

function columnName(path: FieldPath): string {
  return [...path.relationships.map((r) => r.relationshipName), path.field.name].join('.');
}
