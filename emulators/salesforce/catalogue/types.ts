/**
 * The shape of catalogue.json: the standard objects the emulator knows, with their fields as the
 * apex-dev-tools type stubs list them (salesforce.md §10) plus the facts the stubs cannot carry (lengths,
 * picklist values, required-ness, write access), which come from overlay.ts.
 * Attributes are omitted when they hold the default, so the file stays readable.
 */
export type SfFieldType =
  | 'id'
  | 'reference'
  | 'string'
  | 'textarea'
  | 'email'
  | 'url'
  | 'phone'
  | 'picklist'
  | 'multipicklist'
  | 'boolean'
  | 'int'
  | 'double'
  | 'currency'
  | 'percent'
  | 'date'
  | 'datetime'
  | 'address'
  | 'location';

export interface CatalogueField {
  name: string;
  type: SfFieldType;
  /** Characters, for text-like types. Default 255 for string-like types the overlay does not size. */
  length?: number;
  precision?: number;
  scale?: number;
  referenceTo?: string[];
  relationshipName?: string;
  picklistValues?: string[];
  restrictedPicklist?: boolean;
  /** Default true. */
  nillable?: boolean;
  /** Default true. */
  createable?: boolean;
  /** Default true. */
  updateable?: boolean;
  defaultValue?: string | boolean | number;
  unique?: boolean;
  externalId?: boolean;
  calculated?: boolean;
}

export interface CatalogueObject {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string;
  /** False for objects the REST API only reads (Organization, permission objects). Default true. */
  createable?: boolean;
  fields: CatalogueField[];
}

export interface Catalogue {
  source: string;
  objects: CatalogueObject[];
}
