import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock, type Clock } from '../../sync/src/core/clock';
import { CallCounter } from '../shared/calls';
import { FaultInjector } from '../shared/faults';
import type { EmulatorContext } from './context';
import { EmulatorStore } from './emulatorStore';
import { IdFactory } from './ids';
import { ApiUsage } from './limits';
import { TokenService } from './oauth';
import { packagedPermissionSets, publishPermissions, seedOrg } from './org';
import { Permissions, type PermissionOptions } from './permissions';
import { BulkJobs } from './rest/bulk2';
import { loadSchema, type Schema } from './schema';
import { EmulatorServer } from './server';
import { CursorStore } from './soql/cursors';
import { Store } from './store';
import { Writer } from './writes';

export type { PermissionOptions } from './permissions';
export type { EmulatorStore } from './emulatorStore';

export interface SalesforceEmulatorOptions {
  /** Time for token expiry, cursors, date literals, latency faults and the daily limit window. */
  clock?: Clock;
  /** Package namespace; '' for unpackaged deploys. Default 'tlms'. */
  namespace?: string;
  clientId?: string;
  clientSecret?: string;
  organizationId?: string;
  organizationName?: string;
  isSandbox?: boolean;
  runAsUsername?: string;
  /** Newest API version the org serves. Default: sourceApiVersion in sfdx-project.json. */
  apiVersion?: string;
  /** Daily API request allowance (rolling 24 h). Default 15,000 (Developer Edition). */
  dailyRequestLimit?: number;
  /** Session timeout of issued tokens. Default 2 hours. */
  tokenLifetimeMs?: number;
  permissions?: PermissionOptions;
  /** Repository root holding force-app/ and sfdx-project.json. Default: this repository. */
  projectRoot?: string;
  /** Where custom objects are read from. Default `<projectRoot>/force-app/main/default/objects`. */
  objectsDir?: string;
  /** Query cursor lifetime. Default 2 days (current documentation). */
  cursorLifetimeMs?: number;
  /** Status polls a Bulk 2.0 job answers InProgress before completing. Default 1. */
  bulkProcessingPolls?: number;
  /** Bulk 2.0 query result page size when the client sends no maxRecords. Default 50,000. */
  bulkQueryPageSize?: number;
  /** The app's "Enable Client Credentials Flow" switch. Default true. */
  clientCredentialsEnabled?: boolean;
  /** Whether the app has a Run As user. Default true. */
  runAsUserConfigured?: boolean;
  /** Seed of the fault injector's generator. Default 1. */
  faultSeed?: number;
  host?: string;
  /** Fixed ports for the My Domain and login listeners (default: ephemeral). */
  port?: number;
  loginPort?: number;
}

export interface SalesforceEmulator {
  instanceUrl: string;
  loginUrl: string;
  clientId: string;
  clientSecret: string;
  organizationId: string;
  namespace: string;
  apiVersion: string;
  runAsUserId: string;
  runAsUsername: string;
  store: EmulatorStore;
  calls: CallCounter;
  faults: FaultInjector;
  clock: Clock;
  schema: Schema;
  permissions: Permissions;
  usage: ApiUsage;
  /** Expires every token issued so far (the next call gets 401 INVALID_SESSION_ID). */
  expireTokens(): void;
  /** Replaces the run-as user's permissions (and the permission rows preflight queries read). */
  setPermissions(options: PermissionOptions): void;
  close(): Promise<void>;
}

export const REPO_ROOT = join(__dirname, '..', '..');

function sourceApiVersion(projectRoot: string): string {
  const file = join(projectRoot, 'sfdx-project.json');
  if (!existsSync(file)) return '65.0';
  const project = JSON.parse(readFileSync(file, 'utf8')) as { sourceApiVersion?: string };
  return project.sourceApiVersion ?? '65.0';
}

export async function startSalesforceEmulator(
  options: SalesforceEmulatorOptions = {}
): Promise<SalesforceEmulator> {
  const clock = options.clock ?? systemClock;
  const projectRoot = options.projectRoot ?? REPO_ROOT;
  const namespace = options.namespace ?? 'tlms';
  const apiVersion = options.apiVersion ?? sourceApiVersion(projectRoot);
  const organizationId =
    options.organizationId ??
    new IdFactory(randomBytes(1).toString('hex').slice(0, 2).toUpperCase()).next('00D');
  const runAsUsername =
    options.runAsUsername ?? `tlms-integration@${organizationId.toLowerCase()}.example.com`;
  const clientId = options.clientId ?? `3MVG9${randomBytes(60).toString('base64url').replace(/[-_]/g, 'A')}`;
  const clientSecret = options.clientSecret ?? randomBytes(32).toString('hex').toUpperCase();

  const schema = loadSchema({ namespace, projectRoot, objectsDir: options.objectsDir });
  let runAsUserId = '';
  const store = new Store(schema, clock, () => runAsUserId);
  const org = seedOrg(store, {
    organizationId,
    organizationName: options.organizationName ?? 'TalentLMS Connector Emulator',
    isSandbox: options.isSandbox ?? false,
    runAsUsername
  });
  runAsUserId = org.runAsUserId;
  let permissions = new Permissions(schema, options.permissions ?? {}, projectRoot);
  const packaged = packagedPermissionSets(projectRoot);
  publishPermissions(store, schema, permissions, org, packaged);

  const usage = new ApiUsage(clock, options.dailyRequestLimit ?? 15000);
  const ctx: EmulatorContext = {
    clock,
    schema,
    store,
    permissions,
    writer: new Writer(store, schema, permissions),
    cursors: new CursorStore(clock, options.cursorLifetimeMs ?? 2 * 24 * 60 * 60 * 1000),
    bulk: new BulkJobs(() => ctx),
    usage,
    apiVersion,
    organizationId,
    runAsUserId,
    bulkProcessingPolls: options.bulkProcessingPolls ?? 1,
    bulkQueryPageSize: options.bulkQueryPageSize ?? 50000
  };
  let urls = { instanceUrl: '', loginUrl: '' };
  const tokens = new TokenService(
    {
      clientId,
      clientSecret,
      organizationId,
      runAsUserId: () => runAsUserId,
      instanceUrl: () => urls.instanceUrl,
      loginUrl: () => urls.loginUrl,
      tokenLifetimeMs: options.tokenLifetimeMs ?? 2 * 60 * 60 * 1000,
      clientCredentialsEnabled: options.clientCredentialsEnabled ?? true,
      runAsUserConfigured: options.runAsUserConfigured ?? true
    },
    clock
  );
  const calls = new CallCounter();
  const faults = new FaultInjector(options.faultSeed ?? 1);
  const server = new EmulatorServer({
    ctx,
    tokens,
    calls,
    faults,
    versions: { oldest: 31, latest: Number(apiVersion) }
  });
  urls = await server.listen(options.host ?? '127.0.0.1', {
    instance: options.port,
    login: options.loginPort
  });

  return {
    ...urls,
    clientId,
    clientSecret,
    organizationId,
    namespace,
    apiVersion,
    runAsUserId,
    runAsUsername,
    store: new EmulatorStore(store, schema, clock, apiVersion),
    calls,
    faults,
    clock,
    schema,
    get permissions() {
      return permissions;
    },
    usage,
    expireTokens: () => tokens.expireAll(),
    setPermissions(next: PermissionOptions) {
      permissions = new Permissions(schema, next, projectRoot);
      ctx.permissions = permissions;
      ctx.writer = new Writer(store, schema, permissions);
      publishPermissions(store, schema, permissions, org, packaged);
    },
    close: () => server.close()
  };
}
