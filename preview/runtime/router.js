// The preview's router: Lightning page references ⇄ the URL hash, so a navigation is a real, bookmarkable
// change of page that the shell renders, and every navigation is recorded for tests.
const listeners = new Set();

function encodeState(state) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state || {})) {
    if (value !== undefined && value !== null) params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Page reference → `#/…` (app pages by tab API name, record pages by object and id). */
export function pageRefToHash(pageRef) {
  const attributes = (pageRef && pageRef.attributes) || {};
  const state = encodeState(pageRef && pageRef.state);
  switch (pageRef && pageRef.type) {
    case 'standard__navItemPage':
      return `#/n/${encodeURIComponent(attributes.apiName)}${state}`;
    case 'standard__recordPage':
      return `#/r/${encodeURIComponent(attributes.objectApiName || 'record')}/${encodeURIComponent(
        attributes.recordId
      )}/${encodeURIComponent(attributes.actionName || 'view')}${state}`;
    case 'standard__objectPage':
      return `#/o/${encodeURIComponent(attributes.objectApiName)}/${encodeURIComponent(
        attributes.actionName || 'home'
      )}${state}`;
    default:
      return `#/ref/${encodeURIComponent(JSON.stringify(pageRef || {}))}`;
  }
}

export function hashToPageRef(hash) {
  const [path, query] = String(hash || '')
    .replace(/^#/, '')
    .split('?');
  const state = Object.fromEntries(new URLSearchParams(query || ''));
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'n' && parts[1]) {
    return { type: 'standard__navItemPage', attributes: { apiName: parts[1] }, state };
  }
  if (parts[0] === 'r' && parts[2]) {
    return {
      type: 'standard__recordPage',
      attributes: { objectApiName: parts[1], recordId: parts[2], actionName: parts[3] || 'view' },
      state
    };
  }
  if (parts[0] === 'o' && parts[1]) {
    return {
      type: 'standard__objectPage',
      attributes: { objectApiName: parts[1], actionName: parts[2] || 'home' },
      state
    };
  }
  if (parts[0] === 'ref' && parts[1]) {
    try {
      return JSON.parse(parts[1]);
    } catch {
      return null;
    }
  }
  return null;
}

export function currentPageRef() {
  return hashToPageRef(globalThis.location.hash);
}

function record(pageRef, replace) {
  const log = (globalThis.__previewNavigations = globalThis.__previewNavigations || []);
  log.push({ pageRef, replace: Boolean(replace) });
  globalThis.dispatchEvent(
    new CustomEvent('preview:navigate', { detail: { pageRef, replace: Boolean(replace) } })
  );
}

export function navigate(pageRef, replace) {
  record(pageRef, replace);
  if (pageRef && pageRef.type === 'standard__webPage') {
    // Outside the app, as LEX opens web pages: a new tab, never the preview's own window.
    globalThis.open(pageRef.attributes && pageRef.attributes.url, '_blank', 'noopener');
    return;
  }
  const hash = pageRefToHash(pageRef);
  if (replace) globalThis.history.replaceState(null, '', hash);
  else globalThis.history.pushState(null, '', hash);
  notify();
}

export function subscribe(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify() {
  const pageRef = currentPageRef();
  for (const listener of [...listeners]) listener(pageRef);
}

globalThis.addEventListener('popstate', notify);
globalThis.addEventListener('hashchange', notify);
