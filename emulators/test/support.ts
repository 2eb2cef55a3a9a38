/** HTTP helpers for the harness tests: the control API, and the two emulated APIs as a client sees them. */
export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
}

export async function control<T = Record<string, unknown>>(
  url: string,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {}
): Promise<Answer<T>> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  return { status: res.status, body: (await res.json()) as T };
}

export interface ApiEnv {
  TLMS_SF_INSTANCE_URL: string;
  TLMS_SF_CLIENT_ID: string;
  TLMS_SF_CLIENT_SECRET: string;
  TLMS_API_KEY: string;
  TLMS_BASE_URL: string;
}

/** Client-credentials token from the emulated org (a token request, counted apart from calls). */
export async function salesforceToken(env: ApiEnv): Promise<string> {
  const res = await fetch(`${env.TLMS_SF_INSTANCE_URL}/services/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: env.TLMS_SF_CLIENT_ID,
      client_secret: env.TLMS_SF_CLIENT_SECRET
    })
  });
  const body = (await res.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`No token: ${JSON.stringify(body)}`);
  return body.access_token;
}

export async function salesforceQuery(
  env: ApiEnv,
  token: string,
  soql: string
): Promise<Answer<{ totalSize?: number; records?: Array<Record<string, unknown>> }>> {
  const res = await fetch(
    `${env.TLMS_SF_INSTANCE_URL}/services/data/v65.0/query?q=${encodeURIComponent(soql)}`,
    { headers: { authorization: `Bearer ${token}` } }
  );
  return { status: res.status, body: (await res.json()) as never };
}

/** One TalentLMS v1 call, HTTP Basic with the API key as the user name. */
export async function talentlms<T = unknown>(env: ApiEnv, path: string): Promise<Answer<T>> {
  const res = await fetch(`${env.TLMS_BASE_URL}/api/v1/${path}`, {
    headers: { authorization: `Basic ${Buffer.from(`${env.TLMS_API_KEY}:`).toString('base64')}` }
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}
