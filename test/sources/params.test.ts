import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ParamsError, parseParamArg, readParamsFile } from '../../src/sources/params.js';

const dir = mkdtempSync(join(tmpdir(), 'attest-params-'));
const file = (name: string, text: string) => { const p = join(dir, name); writeFileSync(p, text); return p; };

test('parameter files in the shapes teams already use', () => {
  assert.deepEqual(readParamsFile(file('a.json', '[{"ParameterKey":"Env","ParameterValue":"prod"},{"ParameterKey":"N","ParameterValue":3}]')), { Env: 'prod', N: '3' });
  assert.deepEqual(readParamsFile(file('b.json', '{"Parameters":{"Env":"prod"}}')), { Env: 'prod' });
  assert.deepEqual(readParamsFile(file('c.json', '{"Env":"dev","Flag":true}')), { Env: 'dev', Flag: 'true' });
  assert.deepEqual(readParamsFile(file('samconfig.json', '{"version":0.1,"default":{"deploy":{"parameters":{"parameter_overrides":"Env=prod Name=\\"a b\\""}}}}')), { Env: 'prod', Name: 'a b' });
  assert.deepEqual(readParamsFile(file('samconfig.toml', 'version = 0.1\n[default.deploy.parameters]\nstack_name = "x"\nparameter_overrides = "Env=prod Size=large"\n')), { Env: 'prod', Size: 'large' });
  assert.deepEqual(readParamsFile(file('samconfig2.toml', '[prod.deploy.parameters]\nparameter_overrides = "Env=prod"\n'), 'prod'), { Env: 'prod' });
});

test('bad parameter input is a clear error', () => {
  assert.throws(() => parseParamArg('novalue'), ParamsError);
  assert.deepEqual(parseParamArg('K=a=b'), ['K', 'a=b']);
  assert.throws(() => readParamsFile(join(dir, 'missing.json')), /cannot read parameters file/);
  assert.throws(() => readParamsFile(file('bad.json', '{nope')), /not valid JSON/);
  assert.throws(() => readParamsFile(file('bad2.json', '[{"Value":1}]')), /item 0 needs ParameterKey/);
});
