import { LightningElement } from 'lwc';
import getHealth from '@salesforce/apex/SyncHealthController.getHealth';
import resolveIssue from '@salesforce/apex/SyncHealthController.resolveIssue';
import requestFullReconciliation from '@salesforce/apex/SyncHealthController.requestFullReconciliation';
import LABELS from 'c/setupLabels';

const PAGE_SIZE = 25;

/**
 * The Sync Health tab (admins): last runs and their trend, open issues by code, people not synced and why,
 * and the two admin actions (resolve an issue, request a full reconciliation). Owns every Apex call.
 */
export default class SyncHealth extends LightningElement {
  labels = LABELS;
  health;
  loading = true;
  busy = false;
  loadError;
  actionError;
  message;
  state = '';
  pageOffset = 0;

  connectedCallback() {
    this.load();
  }

  async load() {
    this.loading = true;
    this.loadError = undefined;
    try {
      this.health = await getHealth({
        state: this.state || null,
        pageSize: PAGE_SIZE,
        pageOffset: this.pageOffset
      });
    } catch (error) {
      this.loadError = error;
    } finally {
      this.loading = false;
    }
  }

  get ready() {
    return !this.loadError && Boolean(this.health);
  }

  get showSpinner() {
    return this.loading && !this.health;
  }

  get cannotRequest() {
    return (
      this.busy ||
      !(this.health && this.health.canRequestReconciliation) ||
      this.health.fullReconciliationRequested
    );
  }

  get requested() {
    return Boolean(this.health && this.health.fullReconciliationRequested);
  }

  async act(action, message) {
    this.busy = true;
    this.actionError = undefined;
    this.message = undefined;
    try {
      this.health = await action();
      this.state = '';
      this.pageOffset = 0;
      this.message = message;
    } catch (error) {
      this.actionError = error;
    } finally {
      this.busy = false;
    }
  }

  handleResolve(event) {
    const issueId = event.detail.issueId;
    return this.act(() => resolveIssue({ issueId }), LABELS.resolved);
  }

  handleReconcile() {
    return this.act(() => requestFullReconciliation(), LABELS.reconciliationRequested);
  }

  handleState(event) {
    this.state = event.detail.state;
    this.pageOffset = 0;
    return this.load();
  }

  handlePage(event) {
    this.pageOffset = event.detail.pageOffset;
    return this.load();
  }

  handleRefresh() {
    this.message = undefined;
    return this.load();
  }
}
