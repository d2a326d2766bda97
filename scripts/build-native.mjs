#!/usr/bin/env node
// Builds the optional native ledger hashing addon (native/ledger_hash.c ->
// build/Release/ledger_hash.node) with the node-gyp that npm bundles. Run from the
// package.json "install" script.
//
// This script never fails the install: on any problem it prints one line and exits 0,
// and attest falls back to node:crypto (src/ledger/hashing.ts). Set
// ATTEST_NATIVE_BUILD_VERBOSE=1 to see node-gyp's output; it is always written to
// build/native-build.log when the build is attempted.
//
// No network is assumed: when Node's headers are available locally (a directory holding
// include/node/node_api.h, e.g. /usr for a system Node, or the Node install prefix), node-gyp
// is pointed at them with --nodedir so it never tries to download them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const FALLBACK_LINE =
  'attest: native hashing unavailable, using node:crypto (slower ledger verification)';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const addon = join(root, 'build', 'Release', 'ledger_hash.node');
const verbose = process.env.ATTEST_NATIVE_BUILD_VERBOSE === '1';
const BUILD_TIMEOUT_MS = 5 * 60 * 1000;

let log = '';
const note = (s) => {
  log += s.endsWith('\n') ? s : s + '\n';
  if (verbose) process.stderr.write(s.endsWith('\n') ? s : s + '\n');
};

function giveUp(reason) {
  note(`attest: native build skipped/failed: ${reason}`);
  try {
    mkdirSync(join(root, 'build'), { recursive: true });
    writeFileSync(join(root, 'build', 'native-build.log'), log);
  } catch {
    // nothing more we can do; the fallback works without the log
  }
  // Never leave a half-built or untrusted addon for the runtime loader to find.
  try {
    rmSync(addon, { force: true });
  } catch {
    // ignore
  }
  console.log(FALLBACK_LINE);
  process.exit(0);
}

function findNodeGyp() {
  const execDir = dirname(process.execPath);
  const candidates = [
    process.env.npm_config_node_gyp,
    // POSIX layout: <prefix>/bin/node, <prefix>/lib/node_modules/npm
    join(execDir, '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    // Windows layout: <prefix>\node.exe, <prefix>\node_modules\npm
    join(execDir, 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  for (const from of [join(root, 'package.json'), process.env.npm_execpath]) {
    if (!from) continue;
    try {
      // A node-gyp installed in the project, or next to the running npm.
      candidates.push(createRequire(from).resolve('node-gyp/bin/node-gyp.js'));
    } catch {
      // not there
    }
  }
  return candidates.find((c) => c && existsSync(c));
}

function findNodeDir() {
  const candidates = [
    process.env.npm_config_nodedir,
    resolve(dirname(process.execPath), '..'), // POSIX prefix: <prefix>/include/node
    dirname(process.execPath), // Windows zip/installer layout
  ];
  return candidates.find((d) => d && existsSync(join(d, 'include', 'node', 'node_api.h')));
}

function run(args, timeout) {
  note(`$ ${[process.execPath, ...args].join(' ')}`);
  const r = spawnSync(process.execPath, args, {
    cwd: root,
    encoding: 'utf8',
    timeout,
    env: process.env,
    windowsHide: true,
    maxBuffer: 64 * 1024 * 1024,
  });
  note(r.stdout ?? '');
  note(r.stderr ?? '');
  if (r.error) note(`error: ${r.error.message}`);
  return r;
}

// Loads the addon in a child process (so a bad build cannot crash this script) and
// checks it against node:crypto.
const SMOKE_TEST = `
const { createHash, createHmac } = require('node:crypto');
const m = require(${JSON.stringify(addon)});
const key = Buffer.from('k'), prev = Buffer.alloc(32, 7), nonce = Buffer.alloc(16, 9);
const body = Buffer.from('{"smoke":true}');
const out = m.hashBatch(key, prev, nonce, body, Uint32Array.from([0, body.length]), null);
const mac = createHmac('sha256', key).update(Buffer.concat([prev, nonce, body])).digest();
const leaf = createHash('sha256').update(Buffer.concat([Buffer.from([0]), mac, body])).digest();
const node = createHash('sha256').update(Buffer.concat([Buffer.from([1]), out])).digest();
if (!out.equals(Buffer.concat([mac, leaf])) || !m.sha256Nodes(out).equals(node)) {
  console.error('addon output disagrees with node:crypto'); process.exit(1);
}
`;

try {
  if (!existsSync(join(root, 'binding.gyp')) || !existsSync(join(root, 'native', 'ledger_hash.c'))) {
    giveUp('binding.gyp or native/ledger_hash.c not present');
  }
  const nodeGyp = findNodeGyp();
  if (!nodeGyp) giveUp('node-gyp not found (npm_config_node_gyp unset and no bundled copy)');
  const nodeDir = findNodeDir();
  const args = [nodeGyp, 'rebuild'];
  if (nodeDir) args.push(`--nodedir=${nodeDir}`);
  else note('no local Node headers found; node-gyp will use its cache or download them');

  const build = run(args, BUILD_TIMEOUT_MS);
  if (build.error || build.status !== 0) {
    giveUp(build.error ? build.error.message : `node-gyp exited with ${build.status ?? build.signal}`);
  }
  if (!existsSync(addon)) giveUp(`${addon} not produced`);
  const smoke = run(['-e', SMOKE_TEST], 60 * 1000);
  if (smoke.error || smoke.status !== 0) giveUp('built addon failed its smoke test');
  writeFileSync(join(root, 'build', 'native-build.log'), log);
  process.exit(0);
} catch (e) {
  giveUp(e instanceof Error ? e.message : String(e));
}
