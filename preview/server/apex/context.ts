import type { Clock } from '../../../sync/src/core/clock';
import type { AsyncApex } from './asyncApex';
import type { RecordSource } from '../data/recordSource';
import type { Labels } from '../labels';
import type { PermissionModel } from '../permissions';
import type { Persona } from '../personas';
import type { Caller, ContactSharing } from '../visibility';

/** What an Apex method handler knows about the call: who runs it, and the org it reads. */
export interface ApexContext {
  caller: Caller;
  persona: Persona;
  /** Live records, memoised for this one request. */
  source: RecordSource;
  permissions: PermissionModel;
  labels: Labels;
  sharing: ContactSharing;
  clock: Clock;
  /** The package namespace in the org ('' when unpackaged). */
  namespace: string;
  /** Scheduled and queued Apex jobs (System.schedule, System.enqueueJob); absent where nothing runs them. */
  asyncApex?: AsyncApex;
}

export type ApexParams = Record<string, unknown>;
export type ApexHandler = (context: ApexContext, params: ApexParams) => Promise<unknown>;
export type ControllerHandlers = Record<string, ApexHandler>;

/** An AuraHandledException: the component receives `error.body.message` with this text and status 400. */
export class AuraHandledError extends Error {
  readonly status = 400;
}

function typeError(name: string, expected: string, value: unknown): AuraHandledError {
  return new AuraHandledError(
    `Value provided is invalid for action parameter '${name}' of type '${expected}': ${JSON.stringify(value)}`
  );
}

/** Apex parameter coercion as the Aura framework does it: null/absent is null, a wrong type is an error. */
export function integerParam(params: ApexParams, name: string): number | null {
  const value = params[name];
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
  throw typeError(name, 'Integer', value);
}

export function booleanParam(params: ApexParams, name: string): boolean | null {
  const value = params[name];
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  throw typeError(name, 'Boolean', value);
}

export function idParam(params: ApexParams, name: string): string | null {
  const value = params[name];
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string' && /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(value)) return value;
  throw typeError(name, 'Id', value);
}

export function stringParam(params: ApexParams, name: string): string | null {
  const value = params[name];
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  throw typeError(name, 'String', value);
}
