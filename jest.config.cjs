// LWC Jest (npm run test:lwc). Scoped to force-app so vitest and SuiteScript tests are not picked up.
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
  ...jestConfig,
  roots: ['<rootDir>/force-app'],
  testMatch: ['**/__tests__/**/*.test.js'],
  setupFilesAfterEnv: [...(jestConfig.setupFilesAfterEnv || []), '<rootDir>/jest-sa11y-setup.cjs'],
  modulePathIgnorePatterns: ['<rootDir>/.localdevserver'],
};
