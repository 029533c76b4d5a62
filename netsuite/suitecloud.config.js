// SuiteCloud CLI configuration: the SDF project lives in ./src (manifest.xml, deploy.xml, Objects, FileCabinet).
// Build the SuiteScripts first (`npx tsc -p netsuite/tsconfig.json`), then `suitecloud project:deploy`.
module.exports = {
  defaultProjectFolder: 'src',
  commands: {},
};
