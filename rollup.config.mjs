// Builds the browser preview (preview/, `npm run preview:build`): the real LWC sources from force-app rendered
// with LWC OSS 9.4.3, lightning-base-components and SLDS. Recipe and pitfalls: shared reference lwc-preview.md.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import lwc from '@lwc/rollup-plugin';
import replace from '@rollup/plugin-replace';
import sfdcPreview from './preview/build/sfdc-preview-plugin.mjs';
import { sfdxModules } from './preview/build/sources.mjs';

const root = dirname(fileURLToPath(import.meta.url));
const production = process.env.NODE_ENV === 'production';
const lwcDir = join(root, 'force-app/main/default/lwc');
// TLMS_PREVIEW_DEMO_ONLY=1 builds the shell and the demo without the package's components.
const includePackageComponents = process.env.TLMS_PREVIEW_DEMO_ONLY !== '1';

// The root @lwc/engine-dom etc. are 8.x (hoisted for sfdx-lwc-jest); bundle the copies that belong to lwc@9.4.3,
// or the templates compiled by 9.4.3 run on an 8.x engine.
const requireFromLwc = createRequire(createRequire(import.meta.url).resolve('lwc'));
const lwcRuntime = [
  { name: 'lwc', path: requireFromLwc.resolve('@lwc/engine-dom') },
  { name: '@lwc/synthetic-shadow', path: requireFromLwc.resolve('@lwc/synthetic-shadow') },
  { name: '@lwc/wire-service', path: requireFromLwc.resolve('@lwc/wire-service') },
  { name: 'wire-service', path: requireFromLwc.resolve('@lwc/wire-service') }
];

// LBC's templates trip harmless compiler warnings by the dozen; ours must stay visible.
const LBC = `${join('node_modules', 'lightning-base-components')}`;

export default {
  input: { bundle: join(root, 'preview/app/main.js') },
  output: {
    dir: join(root, 'preview/dist'),
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: !production
  },
  preserveEntrySignatures: false,
  onwarn(warning, warn) {
    const id = warning.id ?? warning.loc?.file ?? '';
    if (id.includes(LBC)) return;
    if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.every((each) => each.includes(LBC))) return;
    warn(warning);
  },
  plugins: [
    sfdcPreview({
      root,
      lwcDir,
      classesDir: join(root, 'force-app/main/default/classes'),
      labelsFile: join(root, 'force-app/main/default/labels/CustomLabels.labels-meta.xml'),
      runtimeDir: join(root, 'preview/runtime'),
      previewModulesDir: join(root, 'preview/modules'),
      previewOnlyControllers: ['PreviewDemoController'],
      demoComponents: ['demo/courseList'],
      includePackageComponents
    }),
    replace({
      preventAssignment: true,
      values: {
        'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development'),
        'import.meta.env.SSR': 'false'
      }
    }),
    lwc({
      rootDir: join(root, 'preview'),
      enableDynamicComponents: true,
      // LBC 1.28's form controls (lightning-combobox …) call attachInternals; under synthetic shadow the engine
      // allows that only for components compiled with this flag, as LEX compiles the base components.
      enableSyntheticElementInternals: true,
      defaultModules: [],
      modules: [
        ...lwcRuntime,
        ...sfdxModules(lwcDir),
        { dir: join(root, 'preview/modules') },
        { npm: 'lightning-base-components' }
      ]
    })
  ]
};
