import { parseQuery, type Query } from '@jetstreamapp/soql-parser-js';
import { typedValue } from './bulk2Csv';
import type { SalesforceRecord } from './port';

/**
 * What Bulk API 2.0 can answer, and how its CSV columns become the records the REST API would return.
 * Bulk 2.0 refuses GROUP BY, OFFSET, TYPEOF, aggregate functions and parent-to-child subqueries; queries with
 * ORDER BY or LIMIT stay on REST too (they are the runner's bounded slices, and Salesforce advises against
 * both in Bulk queries since they disable PK chunking).
 */
export function bulkQueryable(soql: string): boolean {
  let query: Query;
  try {
    query = parseQuery(soql) as Query;
  } catch {
    return false;
  }
  if (query.groupBy || query.offset !== undefined || query.limit !== undefined || query.orderBy) return false;
  if (/\bTYPEOF\b/i.test(soql)) return false;
  return (query.fields ?? []).every((f) => f.type === 'Field' || f.type === 'FieldRelationship');
}

interface DescribeField {
  name: string;
  type: string;
  relationshipName?: string | null;
  referenceTo?: string[];
}

interface RawDescribe {
  name: string;
  fields: DescribeField[];
}

/** One column of a query: the path as the REST API names it (canonical case) and the leaf field's type. */
export interface ColumnType {
  path: string[];
  type: string | undefined;
}

export type QueryColumns = Map<string, ColumnType>;

/**
 * Field types for the columns of a query, from describe (one call per object, cached for the connection),
 * so booleans and numbers come back as they do from REST, and relationship columns nest the same way.
 */
export class ColumnTypes {
  private readonly cache = new Map<string, Promise<RawDescribe>>();

  constructor(private readonly describe: (sobject: string) => Promise<unknown>) {}

  private describeOf(sobject: string): Promise<RawDescribe> {
    const key = sobject.toLowerCase();
    let hit = this.cache.get(key);
    if (!hit) {
      hit = this.describe(sobject) as Promise<RawDescribe>;
      hit.catch(() => this.cache.delete(key));
      this.cache.set(key, hit);
    }
    return hit;
  }

  async forQuery(soql: string): Promise<QueryColumns> {
    const query = parseQuery(soql) as Query;
    const columns: QueryColumns = new Map();
    for (const field of query.fields ?? []) {
      if (field.type === 'Field') {
        columns.set(field.field.toLowerCase(), await this.resolve(query.sObject ?? '', [], field.field));
      } else if (field.type === 'FieldRelationship') {
        const column = [...field.relationships, field.field].join('.').toLowerCase();
        columns.set(column, await this.resolve(query.sObject ?? '', field.relationships, field.field));
      }
    }
    return columns;
  }

  private async resolve(sobject: string, relationships: string[], leaf: string): Promise<ColumnType> {
    const path: string[] = [];
    let current: string | undefined = sobject;
    for (const relationship of relationships) {
      const describe: RawDescribe | undefined = current ? await this.describeOf(current) : undefined;
      const ref: DescribeField | undefined = describe?.fields.find(
        (f) => f.relationshipName?.toLowerCase() === relationship.toLowerCase()
      );
      path.push(ref?.relationshipName ?? relationship);
      current = ref?.referenceTo?.[0];
    }
    const describe = current ? await this.describeOf(current) : undefined;
    const field = describe?.fields.find((f) => f.name.toLowerCase() === leaf.toLowerCase());
    path.push(field?.name ?? leaf);
    return { path, type: field?.type };
  }
}

/**
 * A CSV row → a record as REST returns it: canonical field names, typed values, `Account.Name` nested as
 * `{ Account: { Name } }`, and a parent whose every column is empty as `null` (REST's answer for an empty
 * lookup).
 */
export function shapeRow(row: Record<string, string>, columns: QueryColumns): SalesforceRecord {
  const record: Record<string, unknown> = {};
  const parents = new Map<Record<string, unknown>, boolean>();
  for (const [header, text] of Object.entries(row)) {
    const column = columns.get(header.toLowerCase()) ?? { path: header.split('.'), type: undefined };
    let target = record;
    for (const part of column.path.slice(0, -1)) {
      const next = (target[part] as Record<string, unknown> | undefined) ?? {};
      target[part] = next;
      target = next;
      if (!parents.has(target)) parents.set(target, false);
    }
    const value = typedValue(text, column.type);
    target[column.path[column.path.length - 1]] = value;
    if (value !== null && target !== record) parents.set(target, true);
  }
  nullEmptyParents(record, parents);
  return record as SalesforceRecord;
}

function nullEmptyParents(
  node: Record<string, unknown>,
  parents: Map<Record<string, unknown>, boolean>
): boolean {
  let anyValue = false;
  for (const [key, value] of Object.entries(node)) {
    if (value && typeof value === 'object' && parents.has(value as Record<string, unknown>)) {
      const childHasValue = nullEmptyParents(value as Record<string, unknown>, parents);
      if (!childHasValue) node[key] = null;
      anyValue ||= childHasValue;
    } else if (value !== null) anyValue = true;
  }
  return anyValue;
}
