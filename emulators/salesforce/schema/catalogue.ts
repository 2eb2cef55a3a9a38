import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalogue } from '../catalogue/types';
import { makeField, makeObject, type ObjectDef } from './types';

export const CATALOGUE_FILE = join(__dirname, '..', 'catalogue.json');

let cached: Catalogue | undefined;

function readCatalogue(): Catalogue {
  cached ??= JSON.parse(readFileSync(CATALOGUE_FILE, 'utf8')) as Catalogue;
  return cached;
}

/** The standard objects from the committed catalogue, as fresh (mutable) definitions. */
export function loadStandardObjects(): ObjectDef[] {
  return readCatalogue().objects.map((o) =>
    makeObject({
      name: o.name,
      label: o.label,
      labelPlural: o.labelPlural,
      keyPrefix: o.keyPrefix,
      custom: false,
      writable: o.createable !== false,
      fields: o.fields.map((f) =>
        makeField({
          ...f,
          label: f.name,
          referenceTo: f.referenceTo ?? [],
          picklistValues: (f.picklistValues ?? []).map((value) => ({
            value,
            label: value,
            active: true,
            defaultValue: false
          })),
          ...(o.createable === false ? { createable: false, updateable: false } : {})
        })
      )
    })
  );
}
