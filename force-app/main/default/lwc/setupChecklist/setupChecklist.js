import { LightningElement, api } from 'lwc';
import LABELS from 'c/setupLabels';
import { formatLabel } from 'c/learningUtils';

const ICONS = { Done: 'utility:success', ToDo: 'utility:warning', Manual: 'utility:info' };

/**
 * The post-install checklist with live state, and the permission-set assignment: a one-click batched
 * assignment and the hourly job that keeps it in step (raises `assign` and `schedule` with detail.enabled).
 */
export default class SetupChecklist extends LightningElement {
  /** SetupDtos.Checklist. */
  @api checklist;
  @api busy = false;

  labels = LABELS;

  get items() {
    return ((this.checklist && this.checklist.items) || []).map((item) => ({
      key: item.key,
      title: LABELS[`check_${item.key}`] || item.key,
      state: LABELS[`state_${item.state}`] || item.state,
      icon: ICONS[item.state] || ICONS.Manual,
      detail: item.detail,
      className: `item item-${item.key} slds-item`
    }));
  }

  get sync() {
    return (this.checklist && this.checklist.permissionSync) || {};
  }

  get missingText() {
    if (this.sync.learnersMissing === null || this.sync.learnersMissing === undefined) {
      return LABELS.permissionsUnknown;
    }
    return formatLabel(LABELS.permissionsMissing, this.sync.learnersMissing, this.sync.managersMissing);
  }

  get cannotAssign() {
    return this.busy || this.sync.canAssign !== true;
  }

  get isScheduled() {
    return this.sync.scheduled === true;
  }

  get assignHelp() {
    return this.sync.canAssign === true ? '' : LABELS.assignNeedsPermission;
  }

  handleAssign() {
    this.dispatchEvent(new CustomEvent('assign'));
  }

  handleStart() {
    this.dispatchEvent(new CustomEvent('schedule', { detail: { enabled: true } }));
  }

  handleStop() {
    this.dispatchEvent(new CustomEvent('schedule', { detail: { enabled: false } }));
  }
}
