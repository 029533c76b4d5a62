// `node netsuite/build.cjs`: compile the SuiteScripts (used by the emulator and before an SDF deploy).
require('./jest.global-setup.cjs')().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
