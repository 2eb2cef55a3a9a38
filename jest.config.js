// sfdx-lwc-jest for the LWC in force-app only: the runner, emulators and preview have their own node:test suites.
const { dirname, join } = require('node:path');
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

// The hoisted @lwc/jest-transformer compiles templates with the pinned LWC 9.4.3 compiler, while
// sfdx-lwc-jest would run them on its own 8.x engine ("current engine is v8.28.2, but template was compiled
// with v9.4.3"). Run them on the 9.4.3 engine (its CommonJS build), the same runtime the preview bundles.
const lwcEngine = join(
  dirname(require.resolve('@lwc/engine-dom', { paths: [dirname(require.resolve('lwc'))] })),
  'index.cjs'
);

module.exports = {
  ...jestConfig,
  roots: ['<rootDir>/force-app'],
  moduleNameMapper: {
    ...(jestConfig.moduleNameMapper || {}),
    '^lwc$': lwcEngine,
    // Shared test helpers (mount, flushPromises, deepQuery …), kept outside the package directories.
    '^test-utils$': '<rootDir>/config/jest/testUtils.js'
  },
  setupFilesAfterEnv: ['<rootDir>/config/jest/setup.js'],
  // An accessibility check (sa11y/axe) per state takes seconds on a busy 2-core machine; 5 s flaked there.
  testTimeout: 20000,
  testPathIgnorePatterns: ['/node_modules/', '/.localdevserver/'],
  modulePathIgnorePatterns: ['<rootDir>/.localdevserver']
};
