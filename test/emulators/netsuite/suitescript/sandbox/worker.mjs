// SuiteScript sandbox: runs one entry point of a compiled AMD SuiteScript in a fresh node:vm context
// inside a worker thread. Every N/ module is a proxy whose calls go to the emulator (main thread)
// synchronously: post the call, Atomics.wait, read the reply with receiveMessageOnPort. The main
// thread stays free (it may be serving the relay the script posts to). Only the compiled script
// files are loaded as code; request data only ever arrives as JSON values.
// The worker is pooled: each execution gets a fresh vm context, module registry and handle table.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { receiveMessageOnPort, parentPort } from 'node:worker_threads';

/** One execution: everything below is per run, so nothing leaks from one script run into the next. */
function execute({ rootDir, scriptFile, entry, args, rpcPort, signal }) {
  const flag = new Int32Array(signal);

  const context = vm.createContext(Object.create(null), { name: 'suitescript', codeGeneration: { strings: false, wasm: false } });
  const CtxDate = vm.runInContext('Date', context);
  const CtxObject = vm.runInContext('Object', context);
  const CtxArray = vm.runInContext('Array', context);

  /** Structured-clone values → values of the script's realm (so `instanceof Date` works in the script). */
  function intoRealm(value) {
    if (value instanceof Date) return new CtxDate(value.getTime());
    if (Array.isArray(value)) return CtxArray.from(value.map(intoRealm));
    if (value && typeof value === 'object') {
      if (value.$handle) return handleProxy(value);
      const out = new CtxObject();
      for (const [k, v] of Object.entries(value)) out[k] = intoRealm(v);
      return out;
    }
    return value;
  }

  /** Script-realm values → plain data for postMessage (drops functions). */
  function outOfRealm(value) {
    if (value === null || value === undefined) return value;
    if (typeof value === 'function') return undefined;
    if (Object.prototype.toString.call(value) === '[object Date]') return new Date(value.getTime());
    if (Array.isArray(value)) return value.map(outOfRealm);
    if (typeof value === 'object') {
      if (value.__handleId) return { $ref: value.__handleId };
      const out = {};
      for (const [k, v] of Object.entries(value)) out[k] = outOfRealm(v);
      return out;
    }
    return value;
  }

  /** A SuiteScriptError in the script's realm, shaped like NetSuite's (N/error). */
  function suiteScriptError(name, message, extra = {}) {
    const Err = vm.runInContext('Error', context);
    const e = new Err(message);
    e.type = extra.type ?? 'error.SuiteScriptError';
    e.name = name;
    e.id = extra.id ?? '';
    e.cause = extra.cause ?? { type: 'internal error', code: name, details: message, userEvent: null, stackTrace: [], notifyOff: false };
    e.notifyOff = extra.notifyOff ?? false;
    e.userFacing = extra.userFacing ?? true;
    e.toJSON = () => ({ type: e.type, name: e.name, message: e.message, id: e.id, stack: String(e.stack).split('\n').slice(0, 3), cause: e.cause, notifyOff: e.notifyOff, userFacing: e.userFacing });
    return e;
  }

  let callId = 0;
  /** One synchronous call to the emulator. */
  function rpc(target, method, callArgs) {
    const id = ++callId;
    Atomics.store(flag, 0, 0);
    rpcPort.postMessage({ id, target, method, args: outOfRealm(callArgs) });
    Atomics.wait(flag, 0, 0);
    const reply = receiveMessageOnPort(rpcPort)?.message;
    if (!reply || reply.id !== id) throw suiteScriptError('UNEXPECTED_ERROR', `emulator: lost the reply to ${target}.${method}`);
    if (reply.props && handles.has(target)) Object.assign(handles.get(target).props, reply.props);
    if (!reply.ok) {
      const { name, message, fatal } = reply.error;
      const err = suiteScriptError(name, message, { userFacing: !fatal });
      throw err;
    }
    return intoRealm(reply.value);
  }

  const handles = new Map();
  const ALWAYS_UNDEFINED = new Set(['then', 'toJSON', 'constructor', 'inspect', 'nodeType', 'asymmetricMatch']);

  /** A proxy for an emulator object; touching a member the emulator lacks fails loudly. */
  function handleProxy(desc) {
    const state = { props: { ...desc.props } };
    handles.set(desc.$handle, state);
    const methods = new Set(desc.methods);
    const local = desc.local ?? {};
    return new Proxy(Object.create(null), {
      get(_t, prop) {
        if (prop === '__handleId') return desc.$handle;
        if (typeof prop === 'symbol' || ALWAYS_UNDEFINED.has(prop)) return undefined;
        if (local[prop]) return local[prop];
        if (methods.has(prop)) return (...a) => rpc(desc.$handle, prop, a);
        if (prop in state.props) return intoRealm(state.props[prop]);
        throw suiteScriptError('SSS_NOT_YET_SUPPORTED', `emulator: ${desc.label}.${String(prop)} is not emulated`);
      },
      set(_t, prop) {
        throw suiteScriptError('READ_ONLY_PROPERTY', `emulator: ${desc.label}.${String(prop)} is read-only`);
      },
      has(_t, prop) {
        return methods.has(prop) || prop in state.props;
      },
    });
  }

  /** N/error lives in the sandbox: errors must be created in the script's realm. */
  function errorModule() {
    const Type = {};
    return handleProxyLocal('N/error', {
      create: (o) => {
        if (!o || !o.name || !o.message) throw suiteScriptError('SSS_MISSING_REQD_ARGUMENT', 'error.create: name and message are required');
        return suiteScriptError(String(o.name), String(o.message), { notifyOff: Boolean(o.notifyOff), type: 'error.SuiteScriptError' });
      },
      Type,
    });
  }

  function handleProxyLocal(label, members) {
    return new Proxy(Object.create(null), {
      get(_t, prop) {
        if (typeof prop === 'symbol' || ALWAYS_UNDEFINED.has(prop)) return undefined;
        if (prop in members) return members[prop];
        throw suiteScriptError('SSS_NOT_YET_SUPPORTED', `emulator: ${label}.${String(prop)} is not emulated`);
      },
    });
  }

  // ---------------------------------------------------------------- AMD loader
  const modules = new Map();
  let pending;

  function nModule(name) {
    if (name === 'N/error') return errorModule();
    const desc = rpc('module', 'describe', [name]);
    return desc;
  }

  function resolveId(id, fromDir) {
    if (id.startsWith('N/') || id === 'N') return id;
    if (id.startsWith('./') || id.startsWith('../')) return path.resolve(fromDir, id.endsWith('.js') ? id : `${id}.js`);
    if (id.startsWith('/')) return path.join(rootDir, id.endsWith('.js') ? id : `${id}.js`);
    throw suiteScriptError('MODULE_DOES_NOT_EXIST', `emulator: module ${id} cannot be resolved`);
  }

  function load(id) {
    if (modules.has(id)) return modules.get(id);
    if (id.startsWith('N/')) {
      const m = nModule(id);
      modules.set(id, m);
      return m;
    }
    if (!id.startsWith(rootDir + path.sep)) throw suiteScriptError('MODULE_DOES_NOT_EXIST', `emulator: ${id} is outside the File Cabinet`);
    if (!fs.existsSync(id)) throw suiteScriptError('MODULE_DOES_NOT_EXIST', `Module does not exist: ${path.relative(rootDir, id)}`);
    pending = undefined;
    vm.runInContext(fs.readFileSync(id, 'utf8'), context, { filename: id });
    const definition = pending;
    if (!definition) throw suiteScriptError('SSS_INVALID_SCRIPT', `${path.relative(rootDir, id)} does not call define()`);
    const exports = new CtxObject();
    modules.set(id, exports);
    const dir = path.dirname(id);
    const deps = definition.deps.map((d) => {
      if (d === 'exports') return exports;
      if (d === 'require') return (dep) => load(resolveId(dep, dir));
      if (d === 'module') return { exports };
      return load(resolveId(d, dir));
    });
    const returned = definition.factory(...deps);
    if (returned !== undefined) modules.set(id, returned);
    return modules.get(id);
  }

  context.define = (deps, factory) => {
    if (typeof deps === 'function') pending = { deps: [], factory: deps };
    else pending = { deps, factory };
  };
  context.log = handleProxyLocal('log', {
    debug: (o) => rpc('module', 'log', ['debug', o]),
    audit: (o) => rpc('module', 'log', ['audit', o]),
    error: (o) => rpc('module', 'log', ['error', o]),
    emergency: (o) => rpc('module', 'log', ['emergency', o]),
  });

  // ---------------------------------------------------------------- run
  function describeError(e) {
    if (e && typeof e === 'object' && e.type === 'error.SuiteScriptError') {
      return { suiteScript: true, name: e.name, message: e.message, json: JSON.stringify(e.toJSON ? e.toJSON() : e) };
    }
    return { suiteScript: false, name: e?.name ?? 'Error', message: e?.message ?? String(e) };
  }

  try {
    const mod = load(path.join(rootDir, scriptFile));
    const fn = mod[entry];
    if (typeof fn !== 'function') return { done: true, missingEntry: true };
    const result = fn(...args.map(intoRealm));
    return { done: true, ok: true, value: outOfRealm(result) };
  } catch (e) {
    return { done: true, ok: false, error: describeError(e) };
  }
}

parentPort.on('message', (job) => {
  const outcome = execute(job);
  job.rpcPort.close();
  parentPort.postMessage(outcome);
});
