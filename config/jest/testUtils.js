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

/**
 * The text a reader sees in `node`, across the shadow trees of the components it renders. The Jest stubs of
 * `lightning-formatted-*` render nothing, so each stands in as its `value`: a missing space between a label and
 * a formatted date then shows in the string ("Last successful run 2026-11-25T08:00:00.000Z").
 */
function renderedText(node) {
  if (node.nodeType === Node.TEXT_NODE) {
    return node.textContent;
  }
  if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) {
    return '';
  }
  if (node.tagName && node.tagName.toLowerCase().startsWith('lightning-formatted-')) {
    return node.value === undefined || node.value === null ? '' : String(node.value);
  }
  const assigned = node.tagName === 'SLOT' ? node.assignedNodes({ flatten: true }) : [];
  const children = assigned.length ? assigned : (node.shadowRoot || node).childNodes;
  return Array.from(children, renderedText).join('');
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
  renderedText,
  resetDom
};
