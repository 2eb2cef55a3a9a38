import { join } from 'node:path';
import { Connection } from 'jsforce';
import { ManualClock } from '../../../sync/src/core/clock';
import { startSalesforceEmulator, type SalesforceEmulator, type SalesforceEmulatorOptions } from '..';

/** A small package of custom objects and a permission set, independent of the real force-app/. */
export const FIXTURE_PROJECT = join(__dirname, 'fixtures', 'project');
export const API_VERSION = '62.0';

/** Starts an emulator on the fixture project with a clock that follows real time from a fixed instant. */
export async function startFixtureEmulator(
  options: SalesforceEmulatorOptions = {}
): Promise<SalesforceEmulator & { manualClock: ManualClock }> {
  const manualClock = new ManualClock(Date.UTC(2026, 10, 25, 9, 0, 0), { followSystem: true });
  const sf = await startSalesforceEmulator({
    clock: manualClock,
    projectRoot: FIXTURE_PROJECT,
    permissions: { allAccess: true },
    ...options
  });
  return Object.assign(sf, { manualClock });
}

/** A jsforce connection authorised with the client-credentials grant, refreshing on 401 as the runner does. */
export async function connect(sf: SalesforceEmulator, version = API_VERSION): Promise<Connection> {
  const conn = new Connection({
    loginUrl: sf.instanceUrl,
    version,
    oauth2: { loginUrl: sf.instanceUrl, clientId: sf.clientId, clientSecret: sf.clientSecret },
    refreshFn: (c, callback) => {
      c.oauth2
        .requestToken({ grant_type: 'client_credentials' })
        .then((r) => callback(undefined, r.access_token, r))
        .catch((error: Error) => callback(error));
    }
  });
  await conn.authorize({ grant_type: 'client_credentials' });
  return conn;
}

/** Raw HTTP against the emulator with a bearer token (for routes and headers jsforce hides). */
export async function raw(
  sf: SalesforceEmulator,
  conn: Connection,
  path: string,
  init: { method?: string; body?: string; headers?: Record<string, string> } = {}
): Promise<Response> {
  return fetch(`${sf.instanceUrl}/services/data/v${API_VERSION}${path}`, {
    method: init.method ?? 'GET',
    body: init.body,
    headers: {
      authorization: `Bearer ${conn.accessToken}`,
      'content-type': 'application/json',
      ...init.headers
    }
  });
}
