import { LightningElement } from 'lwc';
import PAGES from 'virtual:preview-pages';
import COMPONENTS from 'virtual:preview-components';
import { currentPersona, personas, postJson, records } from '../../../runtime/session.js';
import { currentPageRef, navigate, pageRefToHash, subscribe } from '../../../runtime/router.js';
import { refreshAllApexWires } from '../../../runtime/apex.js';
import { runRefreshHandlers } from '../../../runtime/refresh.js';

const TOAST_VARIANTS = new Set(['info', 'success', 'warning', 'error']);

/**
 * The preview's stand-in for the Lightning app frame: the "TalentLMS" app with its navigation (My Learning,
 * Team Members, Account, Contact, Setup, Sync Health), a persona switcher, toasts, and the page body, where
 * each page's components (from its FlexiPage when the package has one) are mounted with their page context.
 */
export default class Shell extends LightningElement {
  pageRef = null;
  recordTitle = '';
  toasts = [];
  renderErrors = [];
  toastSequence = 0;

  connectedCallback() {
    this.unsubscribe = subscribe((pageRef) => this.route(pageRef));
    this.onToast = (event) => this.showToast(event.detail || {});
    this.onRefresh = () => Promise.all([refreshAllApexWires(), runRefreshHandlers()]);
    globalThis.addEventListener('lightning__showtoast', this.onToast);
    globalThis.addEventListener('lightning__refreshevent', this.onRefresh);
    const initial = currentPageRef();
    if (initial) this.route(initial);
    else navigate(this.appPageRef(PAGES[0]), true);
  }

  disconnectedCallback() {
    if (this.unsubscribe) this.unsubscribe();
    globalThis.removeEventListener('lightning__showtoast', this.onToast);
    globalThis.removeEventListener('lightning__refreshevent', this.onRefresh);
  }

  /** A child component that throws while rendering is shown as an error, not a blank page. */
  errorCallback(error, stack) {
    const entry = { message: (error && error.message) || String(error), stack: String(stack || '') };
    (globalThis.__previewErrors = globalThis.__previewErrors || []).push(entry);
    this.renderErrors = [...this.renderErrors, { key: this.renderErrors.length, ...entry }];
  }

  route(pageRef) {
    this.pageRef = pageRef;
    this.renderErrors = [];
    this.recordTitle = '';
    const page = this.page;
    if (page && page.kind === 'record' && this.recordId)
      this.loadRecordTitle(page.objectApiName, this.recordId);
  }

  async loadRecordTitle(objectApiName, recordId) {
    try {
      const record = await postJson('/api/ui-api/getRecord', { recordId, fields: [`${objectApiName}.Name`] });
      if (this.recordId === recordId) this.recordTitle = record.fields.Name.value || recordId;
    } catch (error) {
      this.recordTitle = `${recordId} (${(error.body && error.body.message) || 'not readable'})`;
    }
  }

  appPageRef(page) {
    return { type: 'standard__navItemPage', attributes: { apiName: page.tabApiName } };
  }

  recordPageRef(page) {
    const recordId = page.objectApiName === 'Account' ? records().accountId : records().contactId;
    return {
      type: 'standard__recordPage',
      attributes: { recordId, objectApiName: page.objectApiName, actionName: 'view' }
    };
  }

  get page() {
    const ref = this.pageRef;
    if (!ref || !ref.attributes) return undefined;
    if (ref.type === 'standard__navItemPage') {
      const wanted = String(ref.attributes.apiName || '')
        .replace(/^\w+__(?=\w+$)/, '')
        .toLowerCase();
      return PAGES.find(
        (page) =>
          page.kind === 'app' &&
          [page.tabApiName, page.key].some((name) => String(name).toLowerCase() === wanted)
      );
    }
    if (ref.type === 'standard__recordPage') {
      return PAGES.find(
        (page) => page.kind === 'record' && page.objectApiName === ref.attributes.objectApiName
      );
    }
    return undefined;
  }

  get recordId() {
    return this.pageRef && this.pageRef.type === 'standard__recordPage'
      ? this.pageRef.attributes.recordId
      : undefined;
  }

  get notFoundMessage() {
    return `The preview has no page for ${JSON.stringify(this.pageRef)}`;
  }

  get pageTitle() {
    const page = this.page;
    if (!page) return '';
    return page.kind === 'record' ? this.recordTitle || this.recordId : page.label;
  }

  get pageKicker() {
    const page = this.page;
    return page && page.kind === 'record' ? page.objectApiName : 'TalentLMS';
  }

  get pageKey() {
    return this.page ? this.page.key : 'none';
  }

  get isEmpty() {
    return Boolean(this.page && this.page.components.length === 0);
  }

  get isDemo() {
    return Boolean(this.page && this.page.source === 'demo');
  }

  get slots() {
    const page = this.page;
    if (!page) return [];
    const routeKey = pageRefToHash(this.pageRef);
    return page.components.map((placed, index) => {
      const entry = COMPONENTS[placed.component];
      const props = { ...placed.props };
      if (page.kind === 'record') {
        props.recordId = this.recordId;
        props.objectApiName = page.objectApiName;
      }
      return {
        key: `${routeKey}#${index}`,
        name: placed.component,
        ctor: entry ? entry.ctor : undefined,
        missing: !entry,
        props
      };
    });
  }

  get navItems() {
    const active = this.page;
    return PAGES.filter((page) => !page.hidden).map((page) => {
      const ref = page.kind === 'app' ? this.appPageRef(page) : this.recordPageRef(page);
      const isActive = Boolean(active && active.key === page.key);
      return {
        key: page.key,
        label: page.label,
        href: pageRefToHash(ref),
        pageRef: ref,
        className: `slds-context-bar__item${isActive ? ' slds-is-active' : ''}`,
        ariaCurrent: isActive ? 'page' : null
      };
    });
  }

  get personaOptions() {
    const current = currentPersona().key;
    return personas().map((persona) => ({
      ...persona,
      text: `${persona.label} — ${persona.name}`,
      selected: persona.key === current
    }));
  }

  get personaName() {
    return currentPersona().name;
  }

  handleNav(event) {
    event.preventDefault();
    const item = this.navItems.find((each) => each.key === event.currentTarget.dataset.key);
    if (item) navigate(item.pageRef);
  }

  handlePersona(event) {
    const url = new URL(globalThis.location.href);
    url.searchParams.set('as', event.target.value);
    // A persona switch is a new login: reload so module-level values (user Id, permissions) follow it.
    globalThis.location.assign(url.toString());
  }

  showToast(detail) {
    const variant = TOAST_VARIANTS.has(detail.variant) ? detail.variant : 'info';
    const message = String(detail.message || '').replace(/\{(\d+)\}/g, (match, index) => {
      const data = (detail.messageData || [])[Number(index)];
      if (data === undefined) return match;
      return typeof data === 'object' ? data.label || data.url || '' : String(data);
    });
    const toast = {
      key: ++this.toastSequence,
      title: detail.title || detail.label || '',
      message,
      variant,
      className: `slds-notify slds-notify_toast slds-theme_${variant}`,
      icon: `utility:${variant === 'info' ? 'info' : variant === 'success' ? 'success' : variant}`
    };
    (globalThis.__previewToasts = globalThis.__previewToasts || []).push({ ...detail });
    this.toasts = [...this.toasts, toast];
    if (detail.mode !== 'sticky') {
      // eslint-disable-next-line @lwc/lwc/no-async-operation
      setTimeout(() => this.dismiss(toast.key), 8000);
    }
  }

  dismiss(key) {
    this.toasts = this.toasts.filter((toast) => toast.key !== key);
  }

  handleDismiss(event) {
    this.dismiss(Number(event.currentTarget.dataset.key));
  }
}
