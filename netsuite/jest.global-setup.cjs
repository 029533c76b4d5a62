// Compiles netsuite/src/TypeScripts to AMD SuiteScript 2.1 in src/FileCabinet/SuiteScripts/nsc
// (a build product, not committed) before the SuiteScript tests run.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

module.exports = async function compileSuiteScripts() {
  const out = path.join(__dirname, 'src', 'FileCabinet', 'SuiteScripts', 'nsc');
  fs.rmSync(out, { recursive: true, force: true });
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(__dirname, 'tsconfig.json')], {
    stdio: 'inherit',
  });
};
