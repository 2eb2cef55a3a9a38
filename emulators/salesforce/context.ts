import type { Clock } from '../../sync/src/core/clock';
import type { BulkJobs } from './rest/bulk2';
import type { ApiUsage } from './limits';
import type { Permissions } from './permissions';
import type { Schema } from './schema';
import type { CursorStore } from './soql/cursors';
import type { Store } from './store';
import type { Writer } from './writes';

/** Everything route handlers share. */
export interface EmulatorContext {
  clock: Clock;
  schema: Schema;
  store: Store;
  permissions: Permissions;
  writer: Writer;
  cursors: CursorStore;
  bulk: BulkJobs;
  usage: ApiUsage;
  apiVersion: string;
  organizationId: string;
  runAsUserId: string;
  /** Status polls a Bulk 2.0 job answers InProgress before it reports JobComplete. */
  bulkProcessingPolls: number;
  /** Default page size of Bulk 2.0 query results when the client sends no maxRecords. */
  bulkQueryPageSize: number;
}
