import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { FORMATS, render, renderChunks } from '../../src/report/index.js';
import { jsonChunks, jsonReplacer, renderJson } from '../../src/report/json.js';
import { buildReport, type Report } from '../../src/report/model.js';
import type { Finding } from '../../src/model/types.js';
import { CONTROLS, facts, FINDINGS, sampleReport, SOURCES } from './fixture.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const chunksOf = (it: Iterable<string>) => [...it];

test('json chunks: byte for byte what JSON.stringify(value, replacer, 2) writes, edge cases included', () => {
  const date = new Date('2025-01-02T03:04:05.678Z');
  const values: unknown[] = [
    null, 0, -0, 1e21, NaN, 'a"\\\n\u2028\ud800', true, undefined, [], {}, [[]], { a: {} }, [undefined, () => 1, Symbol('s')],
    { a: undefined, b: () => 1, c: 1 }, { only: undefined }, { date, nested: { toJSON: (k: string) => `key:${k}` } },
    [new Number(3), new String('s'), new Boolean(false)], { 'we"ird\nkey': [1, [2, [3, {}]]], '': 'empty key' },
    { m: new Map<string, unknown>([['x', new Set([1, 2])], ['y', Infinity]]), big: 10n, list: [NaN, -Infinity] },
    Array.from({ length: 3000 }, (_, i) => ({ i, s: 'x'.repeat(i % 50), deep: [[{ i }]] })),
  ];
  let deep: unknown = 'leaf';
  for (let i = 0; i < 500; i++) deep = { d: [deep] };
  values.push(deep);
  for (const v of values) {
    const expected = JSON.stringify(v, jsonReplacer, 2);
    const got = chunksOf(jsonChunks(v, jsonReplacer, 256));
    assert.equal(got.join(''), expected ?? '', JSON.stringify(expected)?.slice(0, 80));
    if (expected === undefined) assert.deepEqual(got, []);
  }
  assert.equal(chunksOf(jsonChunks({ a: [1, { b: 2 }] })).join(''), JSON.stringify({ a: [1, { b: 2 }] }, null, 2));
  // A fact held in a large Map is walked in pieces too, not written as one string.
  const bigMap = { m: new Map(Array.from({ length: 5000 }, (_, i) => [`k${i}`, { i }])) };
  const mapChunks = chunksOf(jsonChunks(bigMap, jsonReplacer, 1024));
  assert.equal(mapChunks.join(''), JSON.stringify(bigMap, jsonReplacer, 2));
  assert.ok(Math.max(...mapChunks.map((c) => c.length)) < 2048, 'bounded chunks');
  const cycle: Record<string, unknown> = { a: 1 };
  cycle.self = [cycle];
  assert.throws(() => chunksOf(jsonChunks(cycle)), { name: 'TypeError', message: 'Converting circular structure to JSON' });
  assert.throws(() => chunksOf(jsonChunks({ n: 1n })), { name: 'TypeError', message: 'Do not know how to serialize a BigInt' });
});

test('json report: streamed output equals the former renderer (JSON.stringify, two spaces, newline) on the fixture and the example', () => {
  const fixture = sampleReport();
  assert.equal(renderJson(fixture), JSON.stringify(fixture, null, 2) + '\n');
  const r = spawnSync(process.execPath, [root + 'bin/attest.js', 'scan', root + 'examples', '--format', 'json', '--fail-on', 'none', '--quiet'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, JSON.stringify(JSON.parse(r.stdout), null, 2) + '\n');
  const example = JSON.parse(r.stdout) as Report;
  for (const f of FORMATS) assert.equal(chunksOf(renderChunks(example, f)).join(''), render(example, f), f);
});

test('every format: the string form is the chunks joined, and no chunk is the whole of a large report', () => {
  const many: Finding[] = Array.from({ length: 3000 }, (_, i) => ({ ...FINDINGS[i % FINDINGS.length]!, resource: { ...FINDINGS[i % FINDINGS.length]!.resource, id: `R${i}` } }));
  const report = buildReport({ paths: ['infra'], params: {}, failOn: 'high', sources: SOURCES, findings: many, controls: CONTROLS, facts: facts(), now: new Date('2025-01-02T03:04:05.678Z') });
  for (const f of FORMATS) {
    const chunks = chunksOf(renderChunks(report, f));
    const whole = render(report, f);
    assert.equal(chunks.join(''), whole, f);
    assert.ok(Math.max(...chunks.map((c) => c.length)) < whole.length / 4, `${f}: rendered in pieces`);
  }
});

test('json report: 40,000 findings whose text exceeds V8\'s string limit still render, in bounded chunks', () => {
  const message = 'm'.repeat(14_000);
  const base = FINDINGS[1]!; // a pass: no gap copies, so each finding appears once
  const findings: Finding[] = Array.from({ length: 40_000 }, (_, i) => ({ ...base, controlId: `AT-BIG-${i}`, message }));
  const report = buildReport({ paths: ['big'], params: {}, failOn: 'high', sources: SOURCES.slice(0, 1), findings, controls: CONTROLS, facts: facts(), now: new Date('2025-01-02T03:04:05.678Z') });
  let total = 0;
  let largest = 0;
  let ids = 0;
  let tail = '';
  for (const c of renderChunks(report, 'json')) {
    total += c.length;
    largest = Math.max(largest, c.length);
    ids += c.split('"controlId": "AT-BIG-').length - 1;
    tail = (tail + c).slice(-100);
  }
  const v8Max = 2 ** 29 - 24; // String::kMaxLength on 64-bit V8
  assert.ok(total > v8Max, `the report is ${total} characters`);
  assert.throws(() => 'x'.repeat(total), RangeError, 'no single string can hold it');
  assert.equal(ids, 40_000);
  assert.ok(largest < 128 * 1024, `largest chunk ${largest}`);
  assert.ok(tail.endsWith('    "exitCode": 0\n  }\n}\n'), JSON.stringify(tail));
});
