import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Ajv04 from 'ajv-draft-04';

// The official SARIF 2.1.0 (rtm.5) JSON Schema, as shipped inside @microsoft/jest-sarif.
const require = createRequire(import.meta.url);
const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
const root = fileURLToPath(new URL('../../../', import.meta.url));

test('SARIF output of a real scan validates against the official SARIF 2.1.0 schema', () => {
  const Ajv = Ajv04 as unknown as new (o: object) => { compile(s: object): ((d: unknown) => boolean) & { errors?: unknown[] } };
  const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);
  const r = spawnSync(process.execPath, [root + 'bin/attest.js', 'scan', root + 'examples', '--format', 'sarif', '--fail-on', 'none'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const sarif = JSON.parse(r.stdout) as { runs: { results: unknown[] }[] };
  assert.ok(sarif.runs[0].results.length > 0);
  assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 5)));
  // The validator is not vacuous: a broken log is refused.
  const broken = JSON.parse(r.stdout) as { runs: { results: { level: string }[] }[] };
  broken.runs[0].results[0].level = 'severe';
  assert.equal(validate(broken), false);
});
