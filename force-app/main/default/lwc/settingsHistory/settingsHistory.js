import { LightningElement, api } from 'lwc';
import LABELS from 'c/setupLabels';
import { formatLabel } from 'c/learningUtils';

/** The audit trail of the settings: every save, activation and discard with who, when and before/after. */
export default class SettingsHistory extends LightningElement {
  /** SetupDtos.ChangeRecord[] newest first. */
  @api history;

  labels = LABELS;
  /** A JS string: the template compiler would drop the spaces of a literal " · " next to an element. */
  separator = ' · ';

  get hasHistory() {
    return Array.isArray(this.history) && this.history.length > 0;
  }

  get rows() {
    return (this.history || []).map((change) => {
      const versions = formatLabel(
        LABELS.historyVersions,
        change.versionBefore ?? '—',
        change.versionAfter ?? '—'
      );
      return {
        key: change.id || change.name,
        action: LABELS[`history_${change.action}`] || change.action,
        changedAt: change.changedAt,
        // Who and which versions, after the time: one JS string, so its spaces survive the template compiler.
        byAndVersions: `${this.separator}${change.changedBy ?? ''}${this.separator}${versions}`,
        summary: change.summary,
        beforeJson: change.beforeJson || LABELS.historyNothing,
        afterJson: change.afterJson || LABELS.historyNothing
      };
    });
  }
}
