// Helpers the LWC Jest tests share, imported as 'test-utils' (mapped in jest.config.js). They live beside the
// platform mocks, outside every package directory, so they never ship.
const { createElement } = require('lwc');

/** Lets wire emissions and re-renders settle (the pattern lwc-recipes uses). */
function flushPromises() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** For afterEach: removes every rendered component and forgets mock calls. */
function resetDom() {
  while (document.body.firstChild) {
    document.body.removeChild(document.body.firstChild);
  }
  jest.clearAllMocks();
}

/** Creates `tag` from `Component`, sets its public properties, attaches it to the document. */
function mount(tag, Component, props = {}) {
  const element = createElement(tag, { is: Component });
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}

/**
 * Every element matching `selector` in `root`'s shadow tree and, depth first, in the shadow trees of the
 * components it renders: tests then keep working when markup moves into a small shared child component.
 */
function deepQueryAll(root, selector) {
  const tree = root.shadowRoot || root;
  const found = new Set(tree.querySelectorAll(selector));
  tree.querySelectorAll('*').forEach((node) => {
    if (node.shadowRoot) {
      deepQueryAll(node, selector).forEach((match) => found.add(match));
    }
  });
  return [...found];
}

/** The first element `deepQueryAll` finds, or null. */
function deepQuery(root, selector) {
  return deepQueryAll(root, selector)[0] || null;
}

/** The config the component's wire currently holds (getLastConfig() is reset when the wire connects). */
function currentConfig(adapter) {
  let config;
  adapter.emit(undefined, (candidate) => {
    config = candidate;
    return false;
  });
  return config;
}

/** A jest.mock factory body for an `@salesforce/apex/...` method used with @wire. */
function apexWireMock() {
  const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
  return { default: createApexTestWireAdapter(jest.fn()) };
}

/** A jest.mock factory body for `@salesforce/apex` whose refreshApex resolves at once. */
function refreshApexMock() {
  return { refreshApex: jest.fn(() => Promise.resolve()) };
}

module.exports = {
  apexWireMock,
  currentConfig,
  deepQuery,
  deepQueryAll,
  flushPromises,
  mount,
  refreshApexMock,
  resetDom
};
