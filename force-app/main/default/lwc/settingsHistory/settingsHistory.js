import { LightningElement, api } from 'lwc';
import LABELS from 'c/setupLabels';
import { formatLabel } from 'c/learningUtils';

/** The audit trail of the settings: every save, activation and discard with who, when and before/after. */
export default class SettingsHistory extends LightningElement {
  /** SetupDtos.ChangeRecord[] newest first. */
  @api history;

  labels = LABELS;

  get hasHistory() {
    return Array.isArray(this.history) && this.history.length > 0;
  }

  get rows() {
    return (this.history || []).map((change) => ({
      key: change.id || change.name,
      action: LABELS[`history_${change.action}`] || change.action,
      changedAt: change.changedAt,
      changedBy: change.changedBy,
      versions: formatLabel(LABELS.historyVersions, change.versionBefore ?? '—', change.versionAfter ?? '—'),
      summary: change.summary,
      beforeJson: change.beforeJson || LABELS.historyNothing,
      afterJson: change.afterJson || LABELS.historyNothing
    }));
  }
}
