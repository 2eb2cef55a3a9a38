// `@salesforce/apex/<Class>.<method>` stand-in. The default export works both ways the platform allows:
// called plainly it is the imperative call (a Promise), and used with @wire the engine constructs it as a wire
// adapter (`new adapter(dataCallback)`). Either way the preview backend answers
// `POST /api/apex/<Class>/<method>` with the parameters, running as the current persona.
import { postJson } from './session.js';

const adapterOfValue = new WeakMap();
const connectedAdapters = new Set();

function deepFreeze(value) {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze(value[key]);
  }
  return value;
}

function callApex(controller, method, params) {
  return postJson(`/api/apex/${encodeURIComponent(controller)}/${encodeURIComponent(method)}`, params || {});
}

export function createApexMethod(controller, method, { cacheable = true } = {}) {
  function apexMethod(paramsOrDataCallback) {
    if (!new.target) return callApex(controller, method, paramsOrDataCallback);
    if (!cacheable) {
      // The platform refuses @wire on a method without cacheable=true; so does the preview.
      throw new Error(`${controller}.${method} is not @AuraEnabled(cacheable=true) and cannot be wired`);
    }
    return new ApexWireAdapter(controller, method, paramsOrDataCallback);
  }
  return apexMethod;
}

class ApexWireAdapter {
  constructor(controller, method, dataCallback) {
    this.controller = controller;
    this.method = method;
    this.dataCallback = dataCallback;
    this.config = undefined;
    this.connected = false;
    this.sequence = 0;
  }

  connect() {
    this.connected = true;
    connectedAdapters.add(this);
  }

  disconnect() {
    this.connected = false;
    connectedAdapters.delete(this);
  }

  update(config) {
    this.config = { ...config };
    return this.fetch();
  }

  fetch() {
    const ticket = ++this.sequence;
    return callApex(this.controller, this.method, this.config).then(
      (data) => this.emit(ticket, { data: deepFreeze(data), error: undefined }),
      (error) => this.emit(ticket, { data: undefined, error })
    );
  }

  emit(ticket, value) {
    // A newer config (or refresh) superseded this answer; LDS would not deliver it either.
    if (ticket !== this.sequence || !this.connected) return;
    const emitted = Object.freeze(value);
    adapterOfValue.set(emitted, this);
    this.dataCallback(emitted);
  }
}

/** Re-runs the wire that produced `wiredValue` (the `{data, error}` object a wired function received). */
export function refreshApex(wiredValue) {
  const adapter = wiredValue && adapterOfValue.get(wiredValue);
  if (!adapter) return Promise.resolve();
  return adapter.fetch();
}

/** Re-runs every connected Apex wire: what a `RefreshEvent` does to the page in Lightning Experience. */
export function refreshAllApexWires() {
  return Promise.all([...connectedAdapters].map((adapter) => adapter.fetch()));
}

export function getSObjectValue(record, field) {
  const name = typeof field === 'string' ? field : field && field.fieldApiName;
  if (!record || !name) return undefined;
  return name.split('.').reduce((value, part) => (value == null ? undefined : value[part]), record);
}
