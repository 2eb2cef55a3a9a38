import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { rollup, type Plugin } from 'rollup';
import { ROOT } from '../support/preview';

// The preview build's import stand-ins, on a throwaway project: what the platform can resolve builds into
// the preview's runtime, and anything it cannot fails the build with every offender listed.
/* eslint-disable @typescript-eslint/no-require-imports */
const sfdcPreview = require(join(ROOT, 'preview/build/sfdc-preview-plugin.mjs')).default as (
  options: object
) => Plugin;
const { sfdxModules } = require(join(ROOT, 'preview/build/sources.mjs')) as {
  sfdxModules: (dir: string) => object[];
};
const lwc = require('@lwc/rollup-plugin').default as (options: object) => Plugin;
/* eslint-enable @typescript-eslint/no-require-imports */

const requireFromLwc = createRequire(createRequire(__filename).resolve('lwc'));
const work = mkdtempSync(join(tmpdir(), 'tlms-preview-build-'));
after(() => rmSync(work, { recursive: true, force: true }));

function project(name: string, files: Record<string, string>): string {
  const root = join(work, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const LABELS = `<?xml version="1.0" encoding="UTF-8"?>
<CustomLabels xmlns="http://soap.sforce.com/2006/04/metadata">
  <labels><fullName>Probe_Title</fullName><language>en_US</language><protected>true</protected><shortDescription>t</shortDescription><value>Probe &amp; title</value></labels>
</CustomLabels>`;
const CONTROLLER = `public with sharing class ProbeController {
  @AuraEnabled(cacheable=true)
  public static List<String> getThings(Integer count) { return new List<String>(); }
  // @AuraEnabled public static void commentedOut() {}
  public static void notExposed() {}
}`;

async function build(root: string, componentJs: string): Promise<string> {
  const base = join(root, 'force-app/main/default');
  mkdirSync(join(base, 'lwc/probe'), { recursive: true });
  writeFileSync(join(base, 'lwc/probe/probe.js'), componentJs);
  writeFileSync(join(base, 'lwc/probe/probe.html'), '<template><p>{title}</p></template>');
  writeFileSync(join(root, 'main.js'), "import Probe from 'c/probe';\nexport default Probe;\n");
  // The LWC resolver looks for a package.json above each importer.
  writeFileSync(join(root, 'package.json'), '{ "name": "probe", "private": true }');
  const bundle = await rollup({
    input: join(root, 'main.js'),
    onwarn: () => undefined,
    plugins: [
      sfdcPreview({
        root,
        lwcDir: join(base, 'lwc'),
        classesDir: join(base, 'classes'),
        labelsFile: join(base, 'labels/CustomLabels.labels-meta.xml'),
        runtimeDir: join(ROOT, 'preview/runtime'),
        previewModulesDir: join(root, 'preview-modules')
      }),
      lwc({
        rootDir: root,
        defaultModules: [],
        modules: [
          { name: 'lwc', path: requireFromLwc.resolve('@lwc/engine-dom') },
          { name: '@lwc/wire-service', path: requireFromLwc.resolve('@lwc/wire-service') },
          ...sfdxModules(join(base, 'lwc'))
        ]
      })
    ]
  });
  const { output } = await bundle.generate({ format: 'es', inlineDynamicImports: true });
  await bundle.close();
  return output.map((chunk) => ('code' in chunk ? chunk.code : '')).join('\n');
}

describe('preview build: platform imports', { timeout: 120_000 }, () => {
  it('resolves labels, Apex, schema, user Id and navigation to the preview runtime', async () => {
    const root = project('good', {
      'force-app/main/default/labels/CustomLabels.labels-meta.xml': LABELS,
      'force-app/main/default/classes/ProbeController.cls': CONTROLLER
    });
    const code = await build(
      root,
      `import { LightningElement, wire } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { getRecord } from 'lightning/uiRecordApi';
import TITLE from '@salesforce/label/c.Probe_Title';
import getThings from '@salesforce/apex/ProbeController.getThings';
import USER_ID from '@salesforce/user/Id';
import NAME from '@salesforce/schema/Contact.Account.Name';
export default class Probe extends NavigationMixin(LightningElement) {
  title = TITLE;
  @wire(getThings, { count: 3 }) things;
  @wire(getRecord, { recordId: USER_ID, fields: [NAME] }) record;
}`
    );
    assert.match(code, /Probe & title/, 'the label value from CustomLabels.labels-meta.xml');
    assert.match(code, /createApexMethod\("ProbeController", "getThings", \{"cacheable":true\}\)/);
    assert.match(code, /"objectApiName":"Contact","fieldApiName":"Account.Name"/);
    assert.match(code, /preview:navigate/, 'the preview router stands in for lightning/navigation');
    assert.match(code, /currentUserId\(\)/, 'the user Id follows the signed-in persona');
  });

  it('fails the build and lists every import the preview cannot honour', async () => {
    const root = project('bad', {
      'force-app/main/default/labels/CustomLabels.labels-meta.xml': LABELS,
      'force-app/main/default/classes/ProbeController.cls': CONTROLLER
    });
    await assert.rejects(
      build(
        root,
        `import { LightningElement } from 'lwc';
import { subscribe } from 'lightning/empApi';
import MISSING from '@salesforce/label/c.No_Such_Label';
import hidden from '@salesforce/apex/ProbeController.notExposed';
import commented from '@salesforce/apex/ProbeController.commentedOut';
import gone from '@salesforce/apex/NoSuchController.anything';
import helper from 'c/noSuchModule';
export default class Probe extends LightningElement {
  title = [subscribe, MISSING, hidden, commented, gone, helper].length;
}`
      ),
      (error: Error) => {
        for (const needle of [
          'The preview cannot render 6 import(s)',
          'lightning/empApi',
          'label No_Such_Label is not in',
          'ProbeController.notExposed',
          'ProbeController.commentedOut',
          'NoSuchController.anything',
          'c/noSuchModule',
          'imported by force-app/main/default/lwc/probe/probe.js'
        ]) {
          assert.ok(error.message.includes(needle), `the error names ${needle}:\n${error.message}`);
        }
        return true;
      }
    );
  });
});
