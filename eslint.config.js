// ESLint 9 flat config. Salesforce's shared configs carry no `files`, so each is scoped here.
const lwcConfig = require('@salesforce/eslint-config-lwc');
const tseslint = require('typescript-eslint');
const globals = require('globals');

const LWC = ['force-app/**/lwc/**/*.js', 'preview/modules/**/*.js'];
const LWC_TESTS = ['force-app/**/lwc/**/__tests__/**/*.js', 'config/jest/**/*.js'];
const TS = [
  'sync/**/*.ts',
  'emulators/**/*.ts',
  'bench/**/*.ts',
  'preview/**/*.ts',
  'test/**/*.ts',
  'scripts/**/*.ts'
];

module.exports = [
  {
    ignores: [
      'node_modules/**',
      'out/**',
      'coverage/**',
      'test-results/**',
      'sync/dist/**',
      'preview/dist/**',
      '.sf/**',
      '.sfdx/**',
      'test/fixtures/**',
      '**/staticresources/**'
    ]
  },
  ...lwcConfig.configs.recommended.map((config) => ({ ...config, files: LWC })),
  { files: LWC_TESTS, languageOptions: { globals: { ...globals.node, ...globals.jest } } },
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: TS })),
  {
    files: TS,
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  {
    files: ['*.js', '*.mjs', 'scripts/**/*.mjs', 'scripts/**/*.js', 'preview/**/*.mjs', 'bench/**/*.mjs'],
    languageOptions: { globals: globals.node, sourceType: 'module' }
  },
  { files: ['*.js', 'scripts/**/*.js'], languageOptions: { sourceType: 'commonjs' } },
  // The preview's platform stand-ins and entry run in the browser as plain ES modules.
  {
    files: ['preview/runtime/**/*.js', 'preview/app/**/*.js'],
    languageOptions: { globals: globals.browser, sourceType: 'module' }
  }
];
