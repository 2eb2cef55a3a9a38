import { LightningElement, api } from 'lwc';
import LABELS from 'c/setupLabels';
import { formatLabel } from 'c/learningUtils';

/** "Preview impact": what a run under the draft would do, per action, with sample people. */
export default class SettingsPlanPreview extends LightningElement {
  /** SetupDtos.PlanPreview, or null while the runner has not planned the draft. */
  @api preview;

  labels = LABELS;

  get hasPreview() {
    return Boolean(this.preview);
  }

  get readable() {
    return this.hasPreview && this.preview.readable !== false;
  }

  get heading() {
    return this.hasPreview
      ? formatLabel(LABELS.previewHeading, this.preview.runName, this.preview.settingsVersion)
      : LABELS.previewTitle;
  }

  get actions() {
    return ((this.preview && this.preview.actions) || []).map((action) => ({
      key: action.action,
      label: LABELS[`action_${action.action}`] || action.action,
      count: action.count,
      hasSamples: (action.samples || []).length > 0,
      samples: (action.samples || []).map((sample, index) => ({
        key: `${action.action}-${index}`,
        text: [sample.name, sample.personType, sample.detail].filter((part) => part).join(' · ')
      }))
    }));
  }

  get nothingChanges() {
    return this.readable && this.actions.length === 0;
  }
}
