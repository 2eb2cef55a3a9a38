// The preview's pages, derived from the package wherever the package says what a page holds:
// - app pages: the custom tab with the page's label → its FlexiPage → the components in its regions, in order;
// - record pages: the record FlexiPage template for the object, else every component exposed for
//   lightning__RecordPage on that object.
// Until that metadata exists, the first candidate components that exist stand in, and My Learning falls
// back to the preview's own demo component, so the pipeline can be shown before the dashboards land.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { componentBundles } from './sources.mjs';

/** Page keys are what the shell's navigation and the tests use; labels match the app's tabs. */
export const PAGE_DEFINITIONS = [
  {
    key: 'myLearning',
    label: 'My Learning',
    kind: 'app',
    candidates: ['myLearning', 'myCourseProgress', 'myLearningCharts', 'myCertificates', 'myBadges'],
    demo: ['demo/courseList']
  },
  {
    key: 'teamMembers',
    label: 'Team Members',
    kind: 'app',
    candidates: ['teamMembers', 'teamLearning', 'teamProgress']
  },
  {
    key: 'account',
    label: 'Account',
    kind: 'record',
    objectApiName: 'Account',
    candidates: ['accountLearningActivity']
  },
  {
    key: 'contact',
    label: 'Contact',
    kind: 'record',
    objectApiName: 'Contact',
    candidates: ['contactLearningActivity']
  },
  { key: 'setup', label: 'Setup', kind: 'app', candidates: ['connectorSetup', 'setupTab', 'talentLmsSetup'] },
  { key: 'syncHealth', label: 'Sync Health', kind: 'app', candidates: ['syncHealth', 'syncHealthTab'] },
  // Not in the app's navigation: the preview's own demo, kept reachable (#/n/previewDemo) as a pipeline check.
  {
    key: 'previewDemo',
    label: 'Preview demo',
    kind: 'app',
    hidden: true,
    candidates: [],
    demo: ['demo/courseList']
  }
];

const parser = new XMLParser({
  isArray: (name) =>
    ['flexiPageRegions', 'itemInstances', 'componentInstanceProperties', 'object', 'targetConfig'].includes(
      name
    ),
  parseTagValue: false,
  ignoreAttributes: false
});

function readXml(file) {
  return existsSync(file) ? parser.parse(readFileSync(file, 'utf8')) : null;
}

function listFiles(dir, suffix) {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((file) => file.endsWith(suffix))
        .sort()
    : [];
}

/** `c:myCourseProgress` / `tlms:myCourseProgress` / `myCourseProgress` → the bundle name; standard ones → null. */
function bundleName(componentName, bundles) {
  const match = /^(?:(\w+):)?(\w+)$/.exec(String(componentName ?? '').trim());
  if (!match) return null;
  const [, namespace, name] = match;
  if (namespace && !['c', 'tlms'].includes(namespace)) return null;
  return bundles.has(name) ? name : null;
}

function propValue(value) {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
}

/** Components of a FlexiPage, region by region, with their configured properties. */
function flexiPageComponents(page, bundles) {
  const placed = [];
  const skipped = [];
  for (const region of page?.FlexiPage?.flexiPageRegions ?? []) {
    for (const item of region.itemInstances ?? []) {
      const instance = item.componentInstance;
      if (!instance) continue;
      const name = bundleName(instance.componentName, bundles);
      if (!name) {
        skipped.push(String(instance.componentName));
        continue;
      }
      const props = {};
      for (const property of instance.componentInstanceProperties ?? []) {
        if (property.name) props[property.name] = propValue(property.value);
      }
      placed.push({ component: name, props, region: region.name ?? '' });
    }
  }
  return { placed, skipped };
}

export function buildPages({ root, includePackageComponents = true }) {
  const base = join(root, 'force-app/main/default');
  const bundleList = includePackageComponents ? componentBundles(join(base, 'lwc')) : [];
  const bundles = new Set(bundleList.map((bundle) => bundle.name));
  const tabs = listFiles(join(base, 'tabs'), '.tab-meta.xml').map((file) => {
    const tab = readXml(join(base, 'tabs', file))?.CustomTab ?? {};
    return {
      apiName: file.slice(0, -'.tab-meta.xml'.length),
      label: String(tab.label ?? ''),
      flexiPage: tab.flexiPage
    };
  });
  const flexiPages = listFiles(join(base, 'flexipages'), '.flexipage-meta.xml').map((file) => ({
    name: file.slice(0, -'.flexipage-meta.xml'.length),
    doc: readXml(join(base, 'flexipages', file))
  }));

  return PAGE_DEFINITIONS.map((definition) => {
    const page = {
      key: definition.key,
      label: definition.label,
      kind: definition.kind,
      objectApiName: definition.objectApiName,
      hidden: Boolean(definition.hidden)
    };
    let source = 'candidates';
    let components = [];
    let skipped = [];
    if (definition.kind === 'app') {
      const tab = tabs.find(
        (each) => each.label.toLowerCase() === definition.label.toLowerCase() && each.flexiPage
      );
      page.tabApiName = tab?.apiName ?? definition.key;
      const flexi = tab && flexiPages.find((each) => each.name === tab.flexiPage);
      if (flexi) {
        ({ placed: components, skipped } = flexiPageComponents(flexi.doc, bundles));
        source = `flexipage ${flexi.name}`;
      }
    } else {
      const flexi = flexiPages.find((each) => {
        const doc = each.doc?.FlexiPage;
        return doc?.type === 'RecordPage' && String(doc.sobjectType ?? '') === definition.objectApiName;
      });
      if (flexi) {
        ({ placed: components, skipped } = flexiPageComponents(flexi.doc, bundles));
        source = `flexipage ${flexi.name}`;
      } else {
        const exposed = bundleList.filter(
          (bundle) =>
            bundle.targets.includes('lightning__RecordPage') &&
            exposedFor(base, bundle.name, definition.objectApiName)
        );
        if (exposed.length > 0) {
          components = exposed.map((bundle) => ({ component: bundle.name, props: {}, region: 'main' }));
          source = 'record page targets';
        }
      }
    }
    if (components.length === 0) {
      components = definition.candidates
        .filter((name) => bundles.has(name))
        .map((name) => ({ component: name, props: {}, region: 'main' }));
      source = 'candidates';
    }
    if (components.length === 0 && definition.demo) {
      components = definition.demo.map((name) => ({ component: name, props: {}, region: 'main' }));
      source = 'demo';
    }
    return { ...page, components, skipped, source };
  });
}

/** True when the bundle's record-page target config lists the object (or lists no objects at all). */
function exposedFor(base, name, objectApiName) {
  const meta = readXml(join(base, 'lwc', name, `${name}.js-meta.xml`))?.LightningComponentBundle;
  const configs = meta?.targetConfigs?.targetConfig ?? [];
  const recordConfig = configs.find((config) =>
    String(config['@_targets'] ?? config.targets ?? '').includes('lightning__RecordPage')
  );
  const objects = recordConfig?.objects?.object ?? [];
  return objects.length === 0 || objects.map(String).includes(objectApiName);
}
