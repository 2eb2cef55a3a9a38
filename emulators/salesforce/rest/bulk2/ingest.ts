import { parse as parseCsv } from 'csv-parse/sync';
import type { EmulatorContext } from '../../context';
import { ApiError, RecordFailure, lockFailure } from '../../errors';
import type { ObjectDef } from '../../schema';
import { toFailure, type SaveResult } from '../../writes';
import { repeatedKeys } from '../collections';
import { DELIMITERS, invalidJob, type IngestJob } from './jobTypes';

/**
 * Processes a closed ingest job row by row, as Salesforce does: blank cells are left out, `#N/A` sets null,
 * `Rel__r.ExtId__c` columns resolve parents by external id, and every row succeeds or fails on its own.
 */
export class IngestProcessor {
  constructor(private readonly ctx: () => EmulatorContext) {}

  parseRows(job: IngestJob): { header: string[]; rows: string[][] } {
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

  process(job: IngestJob): void {
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
      // A CSV cell that is not a number, date or boolean fails only its row (there is no JSON to reject).
      if (error instanceof ApiError && error.errorCode === 'JSON_PARSER_ERROR') {
        const field = error.fields?.[0] ?? '';
        return toFailure(
          RecordFailure.of(
            'INVALID_TYPE_ON_FIELD_IN_RECORD',
            `${field}: value not of required type`,
            field ? [field] : []
          ),
          id
        );
      }
      return toFailure(error, id);
    }
  }

  /** GET /jobs/ingest/{id}/successfulResults | failedResults | unprocessedrecords */
}
