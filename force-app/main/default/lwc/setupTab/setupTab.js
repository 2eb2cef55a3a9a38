import { LightningElement } from 'lwc';
import getSettingsState from '@salesforce/apex/SetupController.getSettingsState';
import saveDraft from '@salesforce/apex/SetupController.saveDraft';
import activateDraft from '@salesforce/apex/SetupController.activateDraft';
import discardDraft from '@salesforce/apex/SetupController.discardDraft';
import getPlanPreview from '@salesforce/apex/SetupController.getPlanPreview';
import getConnection from '@salesforce/apex/SetupController.getConnection';
import getChecklist from '@salesforce/apex/SetupController.getChecklist';
import assignPermissionSets from '@salesforce/apex/SetupController.assignPermissionSets';
import schedulePermissionSync from '@salesforce/apex/SetupController.schedulePermissionSync';
import LABELS from 'c/setupLabels';
import { formatLabel } from 'c/learningUtils';
import { setPath } from 'c/settingsUtils';

/**
 * The Setup tab (admins): connection status, the settings draft with every option, the draft/active workflow
 * (save bumps the version; risky changes wait for the runner's plan; Preview impact shows it; safe changes
 * activate directly), the audit trail, and the post-install checklist. Owns every Apex call of the tab.
 */
export default class SetupTab extends LightningElement {
  labels = LABELS;
  state;
  connection;
  checklist;
  draft;
  dirty = false;
  loading = true;
  busy = false;
  loadError;
  actionError;
  message;
  issues = [];
  preview;
  previewShown = false;

  connectedCallback() {
    this.load();
  }

  async load() {
    this.loading = true;
    this.loadError = undefined;
    try {
      const [state, connection, checklist] = await Promise.all([
        getSettingsState(),
        getConnection(),
        getChecklist()
      ]);
      this.applyState(state);
      this.connection = connection;
      this.checklist = checklist;
    } catch (error) {
      this.loadError = error;
    } finally {
      this.loading = false;
    }
  }

  applyState(state) {
    this.state = state;
    this.draft = JSON.parse(state.draftJson);
    this.dirty = false;
    this.issues = state.issues || [];
    this.preview = undefined;
    this.previewShown = false;
  }

  get ready() {
    return !this.loading && !this.loadError && Boolean(this.state);
  }

  get catalog() {
    return this.connection ? this.connection.catalog : null;
  }

  get versionText() {
    const state = this.state;
    const active =
      state.activeVersion === null || state.activeVersion === undefined ? LABELS.none : state.activeVersion;
    return formatLabel(LABELS.versions, state.draftVersion, active);
  }

  get hasIssues() {
    return this.issues.length > 0;
  }

  get issueRows() {
    return this.issues.map((issue, index) => ({ key: `${index}`, text: `${issue.path}: ${issue.message}` }));
  }

  get changeRows() {
    return ((this.state && this.state.changes) || []).map((change) => ({
      key: change.path,
      text: change.risky
        ? formatLabel(LABELS.changeRisky, change.path, LABELS[`reason_${change.reason}`] || change.reason)
        : formatLabel(LABELS.changeSafe, change.path)
    }));
  }

  get hasChanges() {
    return this.state && this.state.hasUnactivatedChanges && this.changeRows.length > 0;
  }

  get planStatus() {
    return this.state && this.state.plan ? this.state.plan.status : 'NotNeeded';
  }

  get isWaiting() {
    return this.hasChanges && this.state.risky && this.planStatus === 'Waiting';
  }

  get isPlanReady() {
    return this.hasChanges && this.state.risky && this.planStatus === 'Ready';
  }

  get lastRunAt() {
    return this.state && this.state.plan ? this.state.plan.lastRunAt : null;
  }

  get neverRun() {
    return !this.lastRunAt;
  }

  get unsavedText() {
    return this.dirty ? LABELS.unsaved : '';
  }

  /** The workflow's buttons, left to right; each one's click runs `handler`. */
  get actions() {
    return [
      {
        name: 'save',
        label: LABELS.save,
        variant: 'brand',
        disabled: this.cannotSave,
        handler: 'handleSave'
      },
      { name: 'revert', label: LABELS.revert, disabled: this.cannotSave, handler: 'handleRevert' },
      { name: 'preview', label: LABELS.preview, disabled: this.cannotPreview, handler: 'handlePreview' },
      {
        name: 'activate',
        label: LABELS.activate,
        variant: 'success',
        disabled: this.cannotActivate,
        handler: 'handleActivate'
      },
      { name: 'discard', label: LABELS.discard, disabled: this.cannotDiscard, handler: 'handleDiscard' },
      {
        name: 'refresh',
        label: LABELS.refresh,
        iconName: 'utility:refresh',
        disabled: this.busy,
        handler: 'handleRefresh'
      }
    ].map((action) => ({
      ...action,
      className: action.name === 'refresh' ? 'refresh' : `${action.name} slds-m-right_x-small`
    }));
  }

  handleAction(event) {
    const action = this.actions.find((candidate) => candidate.name === event.target.dataset.action);
    return this[action.handler]();
  }

  get cannotSave() {
    return this.busy || !this.dirty;
  }

  get cannotActivate() {
    return this.busy || this.dirty || !(this.state && this.state.canActivate);
  }

  get cannotDiscard() {
    return this.busy || !(this.state && this.state.hasUnactivatedChanges) || this.dirty;
  }

  get cannotPreview() {
    return this.busy || !this.isPlanReady;
  }

  get hasActionError() {
    return Boolean(this.actionError);
  }

  handleSection(event) {
    const { population, section } = event.detail;
    this.draft = setPath(this.draft, population, section);
    this.dirty = true;
  }

  handleOption(event) {
    this.draft = setPath(this.draft, event.detail.path, event.detail.value);
    this.dirty = true;
  }

  handleRevert() {
    this.applyState(this.state);
    this.message = undefined;
  }

  async run(action) {
    this.busy = true;
    this.actionError = undefined;
    this.message = undefined;
    try {
      await action();
    } catch (error) {
      this.actionError = error;
    } finally {
      this.busy = false;
    }
  }

  handleSave() {
    return this.run(async () => {
      const result = await saveDraft({
        settingsJson: JSON.stringify(this.draft),
        baseVersion: this.state.draftVersion
      });
      this.message = result.message;
      if (result.ok) {
        this.applyState(result.state);
      } else {
        this.issues = result.issues || [];
      }
    });
  }

  handleActivate() {
    return this.run(async () => {
      const result = await activateDraft({ draftVersion: this.state.draftVersion });
      this.message = result.message;
      if (!result.ok) {
        this.issues = result.issues || [];
        return;
      }
      this.applyState(result.state);
      this.checklist = await getChecklist();
    });
  }

  handleDiscard() {
    return this.run(async () => {
      const result = await discardDraft({ draftVersion: this.state.draftVersion });
      this.message = result.message;
      this.applyState(result.state);
    });
  }

  handlePreview() {
    return this.run(async () => {
      this.preview = await getPlanPreview();
      this.previewShown = true;
    });
  }

  handleRefresh() {
    this.message = undefined;
    return this.load();
  }

  handleAssign() {
    return this.run(async () => {
      this.checklist = await assignPermissionSets();
      this.message = LABELS.assignQueued;
    });
  }

  handleSchedule(event) {
    const enabled = event.detail.enabled;
    return this.run(async () => {
      this.checklist = await schedulePermissionSync({ enabled });
    });
  }
}
