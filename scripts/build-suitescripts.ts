/**
 * Compiles netsuite/src/TypeScripts to the SuiteScript 2.1 AMD files the NetSuite emulator runs
 * (a build product, not committed). `npm test` runs it first so parallel test files never race to
 * compile; the emulator still compiles on demand, under a lock, when run on its own.
 */
import { ensureCompiled, NETSUITE_PROJECT } from '../test/emulators/netsuite/suitescript/compile.js';

const started = Date.now();
ensureCompiled();
console.log(`suitescripts: ${NETSUITE_PROJECT}src/TypeScripts compiled or up to date (${Date.now() - started} ms)`);
