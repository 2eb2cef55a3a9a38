// `lightning/uiRecordApi` stand-in: getRecord reads the live record from the preview backend in the UI API
// shape ({apiName, id, fields: {Name: {value, displayValue}}}); writes go to the same backend. Like LDS, the
// adapter waits until the config has a recordId and re-emits after notifyRecordUpdateAvailable.
import { postJson } from './session.js';

const liveAdapters = new Set();

function fieldName(field) {
  if (!field) return undefined;
  if (typeof field === 'string') return field;
  return field.objectApiName && field.fieldApiName
    ? `${field.objectApiName}.${field.fieldApiName}`
    : undefined;
}

function fieldList(value) {
  if (!value) return [];
  return (Array.isArray(value) ? value : [value]).map(fieldName).filter(Boolean);
}

function deepFreeze(value) {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze(value[key]);
  }
  return value;
}

export class getRecord {
  constructor(dataCallback) {
    this.dataCallback = dataCallback;
    this.config = undefined;
    this.connected = false;
    this.sequence = 0;
  }

  connect() {
    this.connected = true;
    liveAdapters.add(this);
  }

  disconnect() {
    this.connected = false;
    liveAdapters.delete(this);
  }

  update(config) {
    this.config = config;
    this.fetch();
  }

  fetch() {
    const config = this.config || {};
    if (!config.recordId) return Promise.resolve();
    const ticket = ++this.sequence;
    const body = {
      recordId: config.recordId,
      fields: fieldList(config.fields),
      optionalFields: fieldList(config.optionalFields)
    };
    return postJson('/api/ui-api/getRecord', body).then(
      (data) => this.emit(ticket, { data: deepFreeze(data), error: undefined }),
      (error) => this.emit(ticket, { data: undefined, error })
    );
  }

  emit(ticket, value) {
    if (ticket === this.sequence && this.connected) this.dataCallback(Object.freeze(value));
  }
}

function walk(record, name) {
  const path = String(name).split('.').slice(1);
  let current = record;
  for (let i = 0; i < path.length; i++) {
    const field = current && current.fields && current.fields[path[i]];
    if (!field) return undefined;
    if (i === path.length - 1) return field;
    current = field.value;
  }
  return undefined;
}

export function getFieldValue(record, field) {
  const found = walk(record, fieldName(field));
  return found ? found.value : undefined;
}

export function getFieldDisplayValue(record, field) {
  const found = walk(record, fieldName(field));
  return found ? found.displayValue : undefined;
}

function refreshRecords(ids) {
  const wanted = new Set(ids);
  return Promise.all(
    [...liveAdapters]
      .filter((adapter) => adapter.config && wanted.has(adapter.config.recordId))
      .map((a) => a.fetch())
  );
}

export async function updateRecord(recordInput) {
  const result = await postJson('/api/ui-api/updateRecord', recordInput);
  await refreshRecords([recordInput && recordInput.fields && recordInput.fields.Id]);
  return result;
}

export function createRecord(recordInput) {
  return postJson('/api/ui-api/createRecord', recordInput);
}

export function deleteRecord(recordId) {
  return postJson('/api/ui-api/deleteRecord', { recordId });
}

export function notifyRecordUpdateAvailable(items) {
  return refreshRecords((items || []).map((item) => item.recordId)).then(() => undefined);
}

export function getRecordNotifyChange(items) {
  notifyRecordUpdateAvailable(items);
}
