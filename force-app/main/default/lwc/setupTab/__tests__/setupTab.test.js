import { createElement } from 'lwc';
import SetupTab from 'c/setupTab';
import getSettingsState from '@salesforce/apex/SetupController.getSettingsState';
import saveDraft from '@salesforce/apex/SetupController.saveDraft';
import activateDraft from '@salesforce/apex/SetupController.activateDraft';
import discardDraft from '@salesforce/apex/SetupController.discardDraft';
import getPlanPreview from '@salesforce/apex/SetupController.getPlanPreview';
import getConnection from '@salesforce/apex/SetupController.getConnection';
import getChecklist from '@salesforce/apex/SetupController.getChecklist';
import assignPermissionSets from '@salesforce/apex/SetupController.assignPermissionSets';
import schedulePermissionSync from '@salesforce/apex/SetupController.schedulePermissionSync';
import getFieldOptions from '@salesforce/apex/SetupController.getFieldOptions';
import { flushPromises, mount, renderedText, resetDom } from 'test-utils';

const WAITING = require('./data/getSettingsState.json');
const READY = require('./data/getSettingsState.ready.json');
const FRESH = require('./data/getSettingsState.fresh.json');
const SAVED = require('./data/saveDraft.json');
const INVALID = require('./data/saveDraft.invalid.json');
const ACTIVATED = require('./data/activateDraft.json');
const PREVIEW = require('./data/getPlanPreview.json');
const CONNECTION = require('./data/getConnection.json');
const CHECKLIST = require('./data/getChecklist.json');
const SCHEDULED = require('./data/schedulePermissionSync.json');
const FIELDS = require('../../settingsPopulation/__tests__/data/getFieldOptions.json');

jest.mock(
  '@salesforce/label/c.Setup_WaitingForRunner',
  () => ({ default: 'Waiting for the runner (last run: {0}).' }),
  { virtual: true }
);
jest.mock('@salesforce/apex/SetupController.getSettingsState', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/SetupController.saveDraft', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/SetupController.activateDraft', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/SetupController.discardDraft', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/SetupController.getPlanPreview', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/SetupController.getConnection', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/SetupController.getChecklist', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/SetupController.assignPermissionSets', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/SetupController.schedulePermissionSync', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/SetupController.getFieldOptions', () => require('test-utils').apexWireMock(), {
  virtual: true
});

async function render(state = WAITING) {
  getSettingsState.mockResolvedValue(state);
  getConnection.mockResolvedValue(CONNECTION);
  getChecklist.mockResolvedValue(CHECKLIST);
  const element = mount('c-setup-tab', SetupTab);
  await flushPromises();
  getFieldOptions.emit(FIELDS);
  await flushPromises();
  return element;
}

const $ = (element, selector) => element.shadowRoot.querySelector(selector);

describe('c-setup-tab', () => {
  afterEach(resetDom);

  it('shows a spinner while loading', async () => {
    getSettingsState.mockReturnValue(new Promise(() => {}));
    getConnection.mockReturnValue(new Promise(() => {}));
    getChecklist.mockReturnValue(new Promise(() => {}));
    const element = createElement('c-setup-tab', { is: SetupTab });
    document.body.appendChild(element);
    expect($(element, 'lightning-spinner')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows an error panel when the tab cannot load', async () => {
    getSettingsState.mockRejectedValue({ body: { message: 'You need the TalentLMS Admin permission set' } });
    getConnection.mockResolvedValue(CONNECTION);
    getChecklist.mockResolvedValue(CHECKLIST);
    const element = createElement('c-setup-tab', { is: SetupTab });
    document.body.appendChild(element);
    await flushPromises();
    const panel = $(element, 'c-error-panel');
    expect(panel).not.toBeNull();
    expect(panel.errors.body.message).toContain('TalentLMS Admin');
    expect($(element, 'c-settings-population')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows connection, every section, history and checklist, and waits for the runner on risky changes', async () => {
    const element = await render();
    expect($(element, 'c-setup-connection').connection).toEqual(CONNECTION);
    const populations = element.shadowRoot.querySelectorAll('c-settings-population');
    expect(populations).toHaveLength(2);
    expect(populations[0].section.enabled).toBe(true);
    expect(populations[1].population).toBe('contacts');
    expect(populations[0].catalog.branchLimit).toBe(50);
    expect($(element, 'c-settings-options').settings.learning.courses).toBe(true);
    expect($(element, 'c-settings-history').history).toHaveLength(2);
    expect($(element, 'c-setup-checklist').checklist).toEqual(CHECKLIST);
    expect(renderedText($(element, '.waiting')).trim()).toBe(
      'Waiting for the runner (last run: 2026-11-25T09:00:00.000Z).'
    );
    expect(element.shadowRoot.querySelectorAll('.changes li')).toHaveLength(3);
    expect($(element, 'lightning-button.activate').disabled).toBe(true);
    expect($(element, 'lightning-button.preview').disabled).toBe(true);
    expect($(element, 'lightning-button.save').disabled).toBe(true);
    await expect(element).toBeAccessible();
  });

  it('says the runner has never run when there is no run to wait for', async () => {
    const neverRun = JSON.parse(JSON.stringify(WAITING));
    neverRun.plan = { status: 'Waiting' };
    const element = await render(neverRun);
    expect($(element, '.waiting').textContent).toContain('c.Setup_WaitingNeverRun');
    await expect(element).toBeAccessible();
  });

  it('saves edits as a new draft version', async () => {
    saveDraft.mockResolvedValue(SAVED);
    const element = await render();
    const options = $(element, 'c-settings-options');
    options.dispatchEvent(
      new CustomEvent('optionchange', { detail: { path: 'retention.runsDays', value: 30 } })
    );
    await flushPromises();
    expect($(element, '.unsaved').textContent).toBe('c.Setup_Unsaved');
    expect($(element, 'lightning-button.activate').disabled).toBe(true);
    $(element, 'lightning-button.save').click();
    await flushPromises();
    expect(saveDraft).toHaveBeenCalledTimes(1);
    const { settingsJson, baseVersion } = saveDraft.mock.calls[0][0];
    expect(baseVersion).toBe(4);
    expect(JSON.parse(settingsJson).retention.runsDays).toBe(30);
    expect($(element, '.message').textContent).toBe(SAVED.message);
    expect($(element, '.versions').textContent).toContain('c.Setup_Versions');
    await expect(element).toBeAccessible();
  });

  it('lists the validation issues of a refused save', async () => {
    saveDraft.mockResolvedValue(INVALID);
    const element = await render();
    const population = $(element, 'c-settings-population');
    const section = JSON.parse(JSON.stringify(WAITING)).draftJson;
    population.dispatchEvent(
      new CustomEvent('sectionchange', {
        detail: { population: 'users', section: JSON.parse(section).users }
      })
    );
    await flushPromises();
    $(element, 'lightning-button.save').click();
    await flushPromises();
    expect($(element, '.issues').textContent).toContain('users.filter.conditions[0].value');
    await expect(element).toBeAccessible();
  });

  it('previews the stored plan and activates a risky draft once the plan is ready', async () => {
    getPlanPreview.mockResolvedValue(PREVIEW);
    activateDraft.mockResolvedValue(ACTIVATED);
    const element = await render(READY);
    expect($(element, '.plan-ready')).not.toBeNull();
    expect($(element, 'lightning-button.preview').disabled).toBe(false);
    $(element, 'lightning-button.preview').click();
    await flushPromises();
    expect($(element, 'c-settings-plan-preview').preview).toEqual(PREVIEW);
    expect($(element, 'lightning-button.activate').disabled).toBe(false);
    $(element, 'lightning-button.activate').click();
    await flushPromises();
    expect(activateDraft).toHaveBeenCalledWith({ draftVersion: 4 });
    expect($(element, '.message').textContent).toBe(ACTIVATED.message);
    expect($(element, '.waiting')).toBeNull();
    expect(getChecklist).toHaveBeenCalledTimes(2);
    await expect(element).toBeAccessible();
  });

  it('shows the message of a refused activation', async () => {
    activateDraft.mockRejectedValue({ body: { message: 'Draft version 4 changes users.enabled' } });
    const element = await render(READY);
    $(element, 'lightning-button.activate').click();
    await flushPromises();
    const panel = $(element, 'c-error-panel');
    expect(panel.errors.body.message).toContain('users.enabled');
    await expect(element).toBeAccessible();
  });

  it('lists the issues when the stored draft fails validation at activation', async () => {
    activateDraft.mockResolvedValue(INVALID);
    const element = await render(READY);
    $(element, 'lightning-button.activate').click();
    await flushPromises();
    expect($(element, '.issues').textContent).toContain('users.filter.conditions[0].value');
    expect($(element, 'c-settings-options')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('discards the draft', async () => {
    discardDraft.mockResolvedValue({ ok: true, message: 'Discarded', issues: [], state: FRESH });
    const element = await render();
    $(element, 'lightning-button.discard').click();
    await flushPromises();
    expect(discardDraft).toHaveBeenCalledWith({ draftVersion: 4 });
    expect($(element, '.changes')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('undoes unsaved edits', async () => {
    const element = await render(FRESH);
    $(element, 'c-settings-options').dispatchEvent(
      new CustomEvent('optionchange', { detail: { path: 'special.alwaysActivate', value: true } })
    );
    await flushPromises();
    expect($(element, 'c-settings-options').settings.special.alwaysActivate).toBe(true);
    $(element, 'lightning-button.revert').click();
    await flushPromises();
    expect($(element, 'c-settings-options').settings.special.alwaysActivate).toBe(false);
    await expect(element).toBeAccessible();
  });

  it('assigns permission sets and starts the hourly job from the checklist', async () => {
    assignPermissionSets.mockResolvedValue(CHECKLIST);
    schedulePermissionSync.mockResolvedValue(SCHEDULED);
    const element = await render();
    const checklist = $(element, 'c-setup-checklist');
    checklist.dispatchEvent(new CustomEvent('assign'));
    await flushPromises();
    expect(assignPermissionSets).toHaveBeenCalledTimes(1);
    expect($(element, '.message').textContent).toBe('c.Setup_Perm_Queued');
    checklist.dispatchEvent(new CustomEvent('schedule', { detail: { enabled: true } }));
    await flushPromises();
    expect(schedulePermissionSync).toHaveBeenCalledWith({ enabled: true });
    expect($(element, 'c-setup-checklist').checklist).toEqual(SCHEDULED);
    await expect(element).toBeAccessible();
  });
});
