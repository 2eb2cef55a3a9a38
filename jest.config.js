// sfdx-lwc-jest for the LWC in force-app only: the runner, emulators and preview have their own node:test suites.
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
  ...jestConfig,
  roots: ['<rootDir>/force-app'],
  moduleNameMapper: {
    ...(jestConfig.moduleNameMapper || {})
  },
  setupFilesAfterEnv: ['<rootDir>/config/jest/setup.js'],
  testPathIgnorePatterns: ['/node_modules/', '/.localdevserver/'],
  modulePathIgnorePatterns: ['<rootDir>/.localdevserver']
};
