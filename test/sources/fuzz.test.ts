import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadText } from '../../src/sources/cloudformation/load.js';
import { evaluate } from '../../src/engine/scan.js';
import { CONTROLS } from '../../src/controls/index.js';

// Deterministic PRNG (mulberry32) so a failure can be reproduced from the seed.
function rng(seed: number) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const root = fileURLToPath(new URL('../../../', import.meta.url));
const seeds: { name: string; text: string }[] = [];
const exampleDir = join(root, 'examples', 'platform');
for (const f of readdirSync(exampleDir)) if (/\.(ya?ml|json)$/.test(f)) seeds.push({ name: f, text: readFileSync(join(exampleDir, f), 'utf8') });

const SNIPPETS = ['!Ref', '!GetAtt', '!Sub "${', '{ "Fn::If": [', '&a ', '*a', ': [', '{', '}', '"', "'", '\t', '- ', '!If [X, !Ref AWS::NoValue, 1]', 'Condition: Nope', '!Select [9, [1]]', '!FindInMap [M, a, b]', 'DependsOn: [Self]', '\u0000', '\uFEFF'];

function mutate(text: string, r: () => number): string {
  const lines = text.split('\n');
  const n = 1 + Math.floor(r() * 4);
  for (let i = 0; i < n; i++) {
    const at = Math.floor(r() * lines.length);
    switch (Math.floor(r() * 7)) {
      case 0: lines.splice(at, 1); break;
      case 1: lines.splice(at, 0, lines[Math.floor(r() * lines.length)] ?? ''); break;
      case 2: { const l = lines[at] ?? ''; const c = Math.floor(r() * (l.length + 1)); lines[at] = l.slice(0, c) + SNIPPETS[Math.floor(r() * SNIPPETS.length)] + l.slice(c); break; }
      case 3: { const l = lines[at] ?? ''; const c = Math.floor(r() * (l.length + 1)); lines[at] = l.slice(0, c) + l.slice(c + 1 + Math.floor(r() * 5)); break; }
      case 4: lines[at] = '  '.repeat(Math.floor(r() * 4)) + (lines[at] ?? '').trimStart(); break;
      case 5: return lines.join('\n').slice(0, Math.floor(r() * text.length));
      case 6: { const b = Math.floor(r() * lines.length); [lines[at], lines[b]] = [lines[b], lines[at]]; break; }
    }
  }
  return lines.join('\n');
}

test('fuzz: 600 mutated templates never crash or hang the scanner', { timeout: 120_000 }, () => {
  const r = rng(20261123);
  let withErrors = 0;
  let loaded = 0;
  for (let i = 0; i < 600; i++) {
    const s = seeds[i % seeds.length];
    const text = mutate(s.text, r);
    const file = s.name.endsWith('.json') ? `fuzz${i}.json` : `fuzz${i}.yaml`;
    let l;
    try {
      l = loadText(text, file, true, {});
    } catch (e) {
      assert.fail(`case ${i} (${s.name}) threw while loading: ${(e as Error).stack}\n--- input ---\n${text}`);
    }
    assert.ok(l.source, `case ${i}: an explicitly named file must always yield a source entry`);
    for (const e of l.source.errors) {
      assert.ok(Number.isInteger(e.line) && Number.isInteger(e.column), `case ${i}: error without position: ${e.message}`);
      assert.ok(e.message.length > 0);
    }
    if (l.source.errors.length) withErrors++;
    if (l.template) {
      loaded++;
      try {
        evaluate([l.template], [l.source], { controls: CONTROLS, today: '2026-01-01' });
      } catch (e) {
        assert.fail(`case ${i} (${s.name}) threw while evaluating: ${(e as Error).stack}`);
      }
    }
  }
  // The mutations must actually exercise both paths.
  assert.ok(withErrors > 50, `only ${withErrors} mutated inputs produced errors`);
  assert.ok(loaded > 50, `only ${loaded} mutated inputs loaded`);
});
