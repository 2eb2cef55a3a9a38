// Rollup plugin that stands in for the Salesforce platform modules the package's LWC import.
// It runs before @lwc/rollup-plugin, so `lightning/navigation` (which LBC only re-exports from an unshipped
// `force/navigation`) and every `@salesforce/*` scoped import resolve to the preview's own runtime.
// Anything the preview cannot honour is collected and the build fails with the full list, never a blank page.
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { buildPages } from './pages.mjs';
import { componentBundles, readAuraEnabledMethods, readLabels } from './sources.mjs';

const VIRTUAL = '\0preview:';
const UNRESOLVED = '\0preview-unresolved:';

/** `lightning/*` modules that LBC lacks or only fakes, mapped to files in preview/runtime. */
const LIGHTNING_RUNTIME = {
  'lightning/navigation': 'navigation.js',
  'lightning/uiRecordApi': 'uiRecordApi.js',
  'lightning/platformShowToastEvent': 'toast.js',
  'lightning/refresh': 'refresh.js',
  'lightning/platformResourceLoader': 'resourceLoader.js'
};

/**
 * @param {object} options
 * @param {string} options.root          repository root
 * @param {string} options.lwcDir        force-app LWC folder
 * @param {string} options.classesDir    force-app Apex classes folder
 * @param {string} options.labelsFile    CustomLabels.labels-meta.xml
 * @param {string} options.runtimeDir    preview/runtime
 * @param {string} options.previewModulesDir  preview/modules (shell and demo components)
 * @param {string[]} [options.previewOnlyControllers]  controllers only preview/ modules may import (the demo)
 * @param {string[]} [options.demoComponents]  `namespace/name` specifiers of preview-owned page components
 * @param {boolean} [options.includePackageComponents]  false renders only the demo (pipeline checks while the
 *   package's components are half-written)
 */
export default function sfdcPreview(options) {
  const runtime = (file) => resolve(options.runtimeDir, file).split('\\').join('/');
  const previewOnly = new Set(options.previewOnlyControllers ?? []);
  let labels = {};
  let apexMethods = {};
  const unresolved = new Map();
  const usedApex = new Map();
  const usedLabels = new Set();

  const isPreviewOwned = (importer) =>
    Boolean(importer) && resolve(importer).startsWith(resolve(options.previewModulesDir));
  const fail = (source, importer, reason) => {
    const key = `${source}\n${reason}`;
    const where = importer ? relative(options.root, importer.replace(/\?.*$/, '')) : '(entry)';
    const entry = unresolved.get(key) ?? { source, reason, importers: new Set() };
    entry.importers.add(where);
    unresolved.set(key, entry);
    // Any named import from the placeholder must resolve too, or rollup stops at the first one before the
    // full list can be reported.
    return { id: UNRESOLVED + source, syntheticNamedExports: true };
  };

  return {
    name: 'sfdc-preview',

    buildStart() {
      unresolved.clear();
      usedApex.clear();
      usedLabels.clear();
      labels = readLabels(options.labelsFile);
      apexMethods = readAuraEnabledMethods(options.classesDir);
      if (existsSync(options.labelsFile)) this.addWatchFile(options.labelsFile);
    },

    async resolveId(source, importer) {
      if (source.startsWith('\0')) return null;
      if (source === 'virtual:preview-components') return VIRTUAL + 'components';
      if (source === 'virtual:preview-pages') return VIRTUAL + 'pages';

      if (LIGHTNING_RUNTIME[source]) return runtime(LIGHTNING_RUNTIME[source]);

      if (source === '@salesforce/apex') return VIRTUAL + source;
      if (source.startsWith('@salesforce/apex/')) {
        const name = source.slice('@salesforce/apex/'.length);
        const match = /^(\w+)\.(\w+)$/.exec(name);
        if (!match) return fail(source, importer, 'expected @salesforce/apex/<Class>.<method>');
        const known = findApexMethod(apexMethods, name);
        if (!known && !(previewOnly.has(match[1]) && isPreviewOwned(importer))) {
          return fail(
            source,
            importer,
            `no static @AuraEnabled method ${name} in ${relative(options.root, options.classesDir)}`
          );
        }
        const entry = usedApex.get(name) ?? {
          controller: match[1],
          method: match[2],
          cacheable: known?.cacheable ?? true,
          importers: new Set()
        };
        entry.importers.add(relative(options.root, importer ?? ''));
        usedApex.set(name, entry);
        return VIRTUAL + source;
      }
      if (source.startsWith('@salesforce/label/c.')) {
        const key = source.slice('@salesforce/label/c.'.length);
        if (!(key in labels))
          return fail(
            source,
            importer,
            `label ${key} is not in ${relative(options.root, options.labelsFile)}`
          );
        usedLabels.add(key);
        return VIRTUAL + source;
      }
      if (
        source === '@salesforce/user/Id' ||
        source === '@salesforce/user/isGuest' ||
        source.startsWith('@salesforce/schema/') ||
        source.startsWith('@salesforce/resourceUrl/') ||
        source.startsWith('@salesforce/contentAssetUrl/') ||
        source.startsWith('@salesforce/customPermission/') ||
        source.startsWith('@salesforce/userPermission/')
      ) {
        return VIRTUAL + source;
      }

      // LBC ships i18n and form-factor values but exposes them only to its own modules; ours get the same files.
      const scoped = /^@salesforce\/(i18n|client)\/(.+)$/.exec(source);
      if (scoped) {
        const file = resolve(
          options.root,
          'node_modules/lightning-base-components/scopedImports',
          `@salesforce-${scoped[1]}-${scoped[2]}.js`
        );
        if (existsSync(file)) return file;
      }

      // Bare specifiers go to the LWC resolver (LBC, our components, the pinned engine); whatever it cannot find
      // would otherwise become a silent external and a runtime failure in the browser.
      if (source.startsWith('.') || source.startsWith('/') || /^[A-Za-z]:[\\/]/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      if (resolved && !resolved.external) return resolved;
      return fail(source, importer, 'no module provides it (LBC lacks it and the preview has no stand-in)');
    },

    load(id) {
      if (id.startsWith(UNRESOLVED)) return 'export default {};';
      if (!id.startsWith(VIRTUAL)) return null;
      const source = id.slice(VIRTUAL.length);
      if (source === 'components') return componentRegistry(options);
      if (source === 'pages') return `export default ${JSON.stringify(pagesFor(options), null, 2)};`;
      if (source === '@salesforce/apex') {
        return `export { refreshApex, getSObjectValue } from ${JSON.stringify(runtime('apex.js'))};`;
      }
      if (source.startsWith('@salesforce/apex/')) {
        const entry = usedApex.get(source.slice('@salesforce/apex/'.length));
        return [
          `import { createApexMethod } from ${JSON.stringify(runtime('apex.js'))};`,
          `export default createApexMethod(${JSON.stringify(entry.controller)}, ${JSON.stringify(entry.method)}, ${JSON.stringify({ cacheable: entry.cacheable })});`
        ].join('\n');
      }
      if (source.startsWith('@salesforce/label/c.')) {
        return `export default ${JSON.stringify(labels[source.slice('@salesforce/label/c.'.length)])};`;
      }
      if (source === '@salesforce/user/Id') {
        return `import { currentUserId } from ${JSON.stringify(runtime('session.js'))};\nexport default currentUserId();`;
      }
      if (source === '@salesforce/user/isGuest') return 'export default false;';
      if (source.startsWith('@salesforce/schema/'))
        return schemaModule(source.slice('@salesforce/schema/'.length));
      if (source.startsWith('@salesforce/resourceUrl/')) {
        return `export default ${JSON.stringify('/resources/' + source.slice('@salesforce/resourceUrl/'.length))};`;
      }
      if (source.startsWith('@salesforce/contentAssetUrl/')) {
        return `export default ${JSON.stringify('/content/' + source.slice('@salesforce/contentAssetUrl/'.length))};`;
      }
      const permission = /^@salesforce\/(customPermission|userPermission)\/(.+)$/.exec(source);
      if (permission) {
        return `import { hasPermission } from ${JSON.stringify(runtime('session.js'))};\nexport default hasPermission(${JSON.stringify(permission[2])});`;
      }
      return null;
    },

    buildEnd(error) {
      if (error || unresolved.size === 0) return;
      const lines = [...unresolved.values()].map(
        (entry) =>
          `  - ${entry.source}: ${entry.reason}\n      imported by ${[...entry.importers].sort().join(', ')}`
      );
      this.error(
        `The preview cannot render ${unresolved.size} import(s); add a stand-in in preview/build/sfdc-preview-plugin.mjs ` +
          `or fix the source:\n${lines.join('\n')}`
      );
    },

    generateBundle() {
      // The server reads this to check that every Apex method the bundle can call has a backend handler.
      const manifest = {
        apex: [...usedApex.entries()].sort().map(([name, entry]) => ({
          name,
          controller: entry.controller,
          method: entry.method,
          cacheable: entry.cacheable,
          importers: [...entry.importers].sort()
        })),
        labels: [...usedLabels].sort(),
        components: componentBundles(options.lwcDir).map((bundle) => bundle.name),
        pages: pagesFor(options)
      };
      this.emitFile({
        type: 'asset',
        fileName: 'preview-manifest.json',
        source: JSON.stringify(manifest, null, 2)
      });
    }
  };
}

function pagesFor(options) {
  return buildPages({
    root: options.root,
    includePackageComponents: options.includePackageComponents !== false
  });
}

function findApexMethod(methods, name) {
  if (methods[name]) return methods[name];
  // Apex names are case-insensitive; the platform resolves `myController.GetX` too.
  const lower = name.toLowerCase();
  const key = Object.keys(methods).find((candidate) => candidate.toLowerCase() === lower);
  return key ? methods[key] : undefined;
}

/** `Obj` → `{objectApiName}`; `Obj.Field` or `Obj.Rel__r.Field` → `{objectApiName, fieldApiName}`. */
function schemaModule(path) {
  const [objectApiName, ...field] = path.split('.');
  const value = field.length === 0 ? { objectApiName } : { objectApiName, fieldApiName: field.join('.') };
  return `export default ${JSON.stringify(value)};`;
}

/**
 * Every force-app component with a template, plus the preview's own page components, keyed by the name a
 * page or FlexiPage uses (`myCourseProgress`, `demo/courseList`). The shell mounts them with `lwc:is`.
 */
function componentRegistry(options) {
  const imports = [];
  const entries = [];
  const bundles = options.includePackageComponents === false ? [] : componentBundles(options.lwcDir);
  bundles.forEach((bundle, index) => {
    imports.push(`import c${index} from ${JSON.stringify(`c/${bundle.name}`)};`);
    entries.push(
      `  ${JSON.stringify(bundle.name)}: { ctor: c${index}, targets: ${JSON.stringify(bundle.targets)} }`
    );
  });
  (options.demoComponents ?? []).forEach((specifier, index) => {
    imports.push(`import d${index} from ${JSON.stringify(specifier)};`);
    entries.push(`  ${JSON.stringify(specifier)}: { ctor: d${index}, targets: [], demo: true }`);
  });
  return `${imports.join('\n')}\nexport default {\n${entries.join(',\n')}\n};\n`;
}
