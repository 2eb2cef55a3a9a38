// The signed-in persona. The server writes `window.__TLMS_PREVIEW__` into index.html
// ({ personas: [{ key, label, userId, name, permissions }], persona }); `?as=<key>` picks the persona, and a
// switch reloads the page so module-level values such as `@salesforce/user/Id` follow it, as a new login would.
function boot() {
  const state = globalThis.__TLMS_PREVIEW__;
  if (!state || !Array.isArray(state.personas)) {
    throw new Error('Preview session missing: open the page through the preview server (npm run preview)');
  }
  return state;
}

export function personas() {
  return boot().personas;
}

export function currentPersona() {
  const state = boot();
  const wanted = new URLSearchParams(globalThis.location.search).get('as') || state.persona;
  const found = state.personas.find((persona) => persona.key === wanted);
  if (!found)
    throw new Error(`Unknown persona "${wanted}"; known: ${state.personas.map((p) => p.key).join(', ')}`);
  return found;
}

export function currentUserId() {
  return currentPersona().userId;
}

/** Custom and user permissions come from the persona (admins hold the admin permission set's grants). */
export function hasPermission(name) {
  const granted = currentPersona().permissions || [];
  return granted.includes('*') || granted.includes(name);
}

/** Every backend call carries the persona, as every Apex call in an org runs as the signed-in user. */
export async function postJson(path, body) {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-preview-user': currentUserId() },
    body: JSON.stringify(body === undefined ? {} : body)
  });
  const text = await response.text();
  let payload = null;
  try {
    payload = text ? JSON.parse(text) : null;
  } catch {
    payload = { message: text };
  }
  if (!response.ok) {
    // The shape LDS gives components for a failed Apex or UI API call (`error.body.message`).
    throw {
      ok: false,
      status: response.status,
      statusText: response.statusText,
      headers: {},
      body: payload && typeof payload === 'object' ? payload : { message: String(payload) }
    };
  }
  return payload;
}

/** The persona manifest's sample records: `{ accountId, contactId }` for the record pages. */
export function records() {
  return boot().records || {};
}
