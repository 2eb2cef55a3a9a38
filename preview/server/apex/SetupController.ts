import { activateDraft, discardDraft, planPreview, saveDraft, settingsState } from '../admin/setup';
import {
  enqueueAssignmentJob,
  requireCanAssign,
  startSchedule,
  stopSchedule
} from '../admin/permissionAssignment';
import { checklist, connection, fieldOptions } from '../admin/setupInfo';
import { booleanParam, integerParam, stringParam, type ControllerHandlers } from './context';

/** SetupController: settings draft → plan → activate, connection, field options and the checklist. */
export const SetupController: ControllerHandlers = {
  getSettingsState: (context) => settingsState(context),
  saveDraft: (context, params) =>
    saveDraft(context, stringParam(params, 'settingsJson'), integerParam(params, 'baseVersion')),
  activateDraft: (context, params) => activateDraft(context, integerParam(params, 'draftVersion')),
  discardDraft: (context, params) => discardDraft(context, integerParam(params, 'draftVersion')),
  getPlanPreview: (context) => planPreview(context),
  getConnection: (context) => connection(context),
  getFieldOptions: async (context, params) => fieldOptions(context, stringParam(params, 'objectName')),
  getChecklist: (context) => checklist(context),
  // System.enqueueJob(new PermissionAssignmentJob()): the answer shows the job Queued; it runs once the call
  // has answered, and a following getChecklist shows what it assigned.
  assignPermissionSets: async (context) => {
    requireCanAssign(context);
    enqueueAssignmentJob(context);
    return checklist(context);
  },
  schedulePermissionSync: async (context, params) => {
    if (booleanParam(params, 'enabled') === true) {
      requireCanAssign(context);
      startSchedule(context);
    } else {
      stopSchedule(context);
    }
    return checklist(context);
  }
};
