import { activateDraft, discardDraft, planPreview, saveDraft, settingsState } from '../admin/setup';
import { checklist, connection, fieldOptions, requireCanAssign } from '../admin/setupInfo';
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
  // Assignments run as a queueable job in the org; the emulated org has no PermissionSetAssignment rows, so
  // the preview checks the caller may assign and returns the checklist, as the Apex does after enqueueing.
  assignPermissionSets: async (context) => {
    requireCanAssign(context);
    return checklist(context);
  },
  schedulePermissionSync: async (context, params) => {
    if (booleanParam(params, 'enabled') === true) requireCanAssign(context);
    return checklist(context);
  }
};
