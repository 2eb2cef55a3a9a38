import { readField, type SObjectRecord, type Store } from '../store';
import type { StoredValue } from '../values';
import type { CompiledQuery, OrderKey } from './compile';
import { parentOf, readPath } from './paths';
import type { Runtime } from './where';

/** The matching records in result order, with OFFSET and LIMIT applied. */
export function runQuery(query: CompiledQuery, store: Store, includeDeleted: boolean): SObjectRecord[] {
  const rt: Runtime = { store, semiJoins: new Map() };
  let rows = store.rows(query.object.name).filter((r) => includeDeleted || r.IsDeleted !== true);
  if (query.where) rows = rows.filter((r) => query.where!(r, rt));
  if (query.orderBy.length > 0) {
    const keyed = rows.map((record) => ({
      record,
      keys: query.orderBy.map((k) => readPath(store, record, k.path))
    }));
    keyed.sort((a, b) => compareKeys(a.keys, b.keys, query.orderBy));
    rows = keyed.map((k) => k.record);
  }
  const start = query.offset ?? 0;
  const end = query.limit === undefined ? undefined : start + query.limit;
  return rows.slice(start, end);
}

function compareKeys(a: StoredValue[], b: StoredValue[], keys: OrderKey[]): number {
  for (let i = 0; i < keys.length; i += 1) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === null || y === null) {
      const nullFirst = keys[i].nullsFirst ? -1 : 1;
      return x === null ? nullFirst : -nullFirst;
    }
    let order: number;
    if (typeof x === 'string' && typeof y === 'string') {
      const lx = x.toLowerCase();
      const ly = y.toLowerCase();
      order = lx < ly ? -1 : lx > ly ? 1 : 0;
    } else order = x < y ? -1 : x > y ? 1 : 0;
    if (order !== 0) return keys[i].descending ? -order : order;
  }
  return 0;
}

export type JsonRecord = { attributes: { type: string; url: string } } & Record<string, unknown>;

function attributes(type: string, id: StoredValue, apiVersion: string) {
  return { type, url: `/services/data/v${apiVersion}/sobjects/${type}/${String(id)}` };
}

/** Shapes one record as the REST API returns it: selected fields, parents as nested objects (or null). */
export function projectRecord(
  query: CompiledQuery,
  store: Store,
  record: SObjectRecord,
  apiVersion: string
): JsonRecord {
  const out: JsonRecord = { attributes: attributes(query.object.name, record.Id, apiVersion) };
  for (const path of query.select) {
    let target: Record<string, unknown> = out;
    let current: SObjectRecord | null = record;
    for (const ref of path.relationships) {
      const key = ref.relationshipName as string;
      const parent: SObjectRecord | null = current ? parentOf(store, current, ref) : null;
      if (!parent) {
        if (!(key in target)) target[key] = null;
        current = null;
        break;
      }
      if (!target[key]) {
        const def = store.get(parent.Id as string)?.def;
        target[key] = { attributes: attributes(def?.name ?? ref.referenceTo[0], parent.Id, apiVersion) };
      }
      target = target[key] as Record<string, unknown>;
      current = parent;
    }
    if (current) target[path.field.name] = readField(current, path.field);
  }
  return out;
}
