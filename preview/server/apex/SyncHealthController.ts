import { health, requestFullReconciliation, resolveIssue } from '../admin/syncHealth';
import { idParam, integerParam, stringParam, type ControllerHandlers } from './context';

/** SyncHealthController: runs, issues and people not synced; resolve an issue; request a reconciliation. */
export const SyncHealthController: ControllerHandlers = {
  getHealth: (context, params) =>
    health(
      context,
      stringParam(params, 'state'),
      integerParam(params, 'pageSize'),
      integerParam(params, 'pageOffset')
    ),
  resolveIssue: async (context, params) => {
    await resolveIssue(context, idParam(params, 'issueId'));
    return health(context, null, null, 0);
  },
  requestFullReconciliation: async (context) => {
    await requestFullReconciliation(context);
    return health(context, null, null, 0);
  }
};
