// Jest for the SuiteScripts: `npm run test:suitescript` from the repository root.
// The TypeScript sources are compiled to AMD first (jest.global-setup.cjs); the tests import the
// compiled files through the SuiteCloud mapping `SuiteScripts/...` with Oracle's N/ module stubs.
const path = require('node:path');
const SuiteCloudJestConfiguration = require('@oracle/suitecloud-unit-testing/jest-configuration/SuiteCloudJestConfiguration');

const repoRoot = path.resolve(__dirname, '..');
const base = SuiteCloudJestConfiguration.build({
  projectFolder: path.relative(process.cwd(), path.join(__dirname, 'src')),
  projectType: SuiteCloudJestConfiguration.ProjectType.ACP,
  rootDir: repoRoot,
});

module.exports = {
  ...base,
  rootDir: repoRoot,
  roots: [path.join(__dirname, '__tests__')],
  testMatch: ['**/*.test.js'],
  testEnvironment: 'node',
  globalSetup: path.join(__dirname, 'jest.global-setup.cjs'),
};
