// `lightning/refresh`: a RefreshEvent re-runs the page's wires, as LEX does for a refresh-aware container.
export class RefreshEvent extends CustomEvent {
  constructor() {
    super('lightning__refreshevent', { bubbles: true, composed: true });
  }
}

const handlers = new Map();

export function registerRefreshHandler(element, handler) {
  const id = Symbol('refresh-handler');
  handlers.set(id, { element, handler });
  return id;
}

export function unregisterRefreshHandler(id) {
  handlers.delete(id);
}

export function registerRefreshContainer(element, handler) {
  return registerRefreshHandler(element, handler);
}

export function unregisterRefreshContainer(id) {
  unregisterRefreshHandler(id);
}

/** Called by the shell when a RefreshEvent reaches it. */
export function runRefreshHandlers() {
  return Promise.all([...handlers.values()].map(({ handler }) => Promise.resolve(handler && handler())));
}
