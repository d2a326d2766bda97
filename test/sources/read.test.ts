import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFile, MAX_TEMPLATE_BYTES, readBounded } from '../../src/sources/cloudformation/load.js';

const dir = mkdtempSync(join(tmpdir(), 'attest-read-'));
const file = (name: string, data: string | Buffer) => { const p = join(dir, name); writeFileSync(p, data); return p; };

test('readBounded: a file of exactly the limit is read whole; one byte more is refused with its size', () => {
  const limit = 1024 * 1024;
  const r = readBounded(file('at-limit.yaml', 'x'.repeat(limit)), limit);
  assert.ok('bytes' in r);
  assert.equal(r.bytes.length, limit);
  assert.deepEqual(readBounded(file('over.yaml', 'x'.repeat(limit + 1)), limit),
    { tooLarge: true, error: "file is 1.0 MiB, over Attest's limit of 1 MiB (CloudFormation itself accepts at most 1 MiB); split the stack or use nested stacks" });
  const empty = readBounded(file('empty.yaml', ''));
  assert.ok('bytes' in empty && empty.bytes.length === 0);
});

test('readBounded: a file longer than its size said (it grew, or /proc) is read up to the limit and no further', () => {
  // /proc files report size 0 and have content: the read must not trust the size.
  const whole = readBounded('/proc/self/status', 1024 * 1024);
  assert.ok('bytes' in whole);
  assert.match(whole.bytes.toString('utf8'), /^Name:\t/);
  const capped = readBounded('/proc/self/status', 16);
  assert.deepEqual(capped, { tooLarge: true, error: "file is 0.0 MiB, over Attest's limit of 0.0000152587890625 MiB (CloudFormation itself accepts at most 1 MiB); split the stack or use nested stacks" });
});

test('readBounded: a FIFO, a character device and a folder are refused without blocking or reading', () => {
  const fifo = join(dir, 'pipe.yaml');
  execFileSync('mkfifo', [fifo]);
  assert.deepEqual(readBounded(fifo), { error: 'not a regular file (it is a FIFO); name a template file or a folder' });
  assert.deepEqual(readBounded('/dev/zero'), { error: 'not a regular file (it is a character device); name a template file or a folder' });
  assert.deepEqual(readBounded(dir), { error: 'not a regular file (it is a folder); name a template file or a folder' });
  assert.deepEqual(readBounded(join(dir, 'missing.yaml')), { error: 'cannot read file: ENOENT' });
});

test('loadFile: over 5 MiB is an error for a template-named file, a listed skip for an extensionless one found in a folder', () => {
  const big = 'x'.repeat(MAX_TEMPLATE_BYTES + 1);
  const named = loadFile(file('big.yaml', big), false, {});
  assert.deepEqual(named.source?.errors.map((e) => [e.line, e.column, e.message]), [[0, 0, "file is 5.0 MiB, over Attest's limit of 5 MiB (CloudFormation itself accepts at most 1 MiB); split the stack or use nested stacks"]]);
  const bare = loadFile(file('bigblob', big), false, {});
  assert.equal(bare.source, undefined);
  assert.equal(bare.skipped?.reason, 'over 5 MiB and not named like a template; not read');
});

test('loadFile: a UTF-16 template is an input error that says to save it as UTF-8', () => {
  const text = 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n';
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const l = loadFile(file('utf16.yaml', utf16), false, {});
  assert.deepEqual(l.source?.errors.map((e) => [e.line, e.column, e.message]), [[1, 1, 'file is UTF-16 encoded; CloudFormation reads UTF-8: save it as UTF-8']]);
});
