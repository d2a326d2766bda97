import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CONTROLS } from '../src/controls/index.js';
import { REGISTERED } from '../src/controls/registry.js';
import { DOMAINS } from '../src/model/types.js';
import { spawnSync } from 'node:child_process';
import { checkCase, type CaseTable, type Expected } from './helpers/cases.js';

const dir = join(fileURLToPath(new URL('.', import.meta.url)), 'controls');
const files: string[] = [];
const walk = (d: string) => {
  for (const e of readdirSync(d, { withFileTypes: true })) {
    if (e.isDirectory()) walk(join(d, e.name));
    else if (e.name.endsWith('.cases.js')) files.push(join(d, e.name));
  }
};
walk(dir);
const tables: CaseTable[] = [];
for (const f of files.sort()) tables.push((await import(pathToFileURL(f).href)).default as CaseTable);

test('catalog: ids are unique and well-formed, metadata complete', () => {
  const ids = new Set<string>();
  for (const c of CONTROLS) {
    assert.match(c.id, /^AT-[A-Z0-9]+-\d{3}$/, c.id);
    assert.ok(!ids.has(c.id), `duplicate id ${c.id}`);
    ids.add(c.id);
    assert.ok(c.title && c.rationale && c.remediation, `${c.id} metadata`);
    assert.ok(c.resourceTypes.length > 0, `${c.id} resource types`);
  }
});

/**
 * Controls without a Terraform remediation, each with the reason. A control belongs here
 * only when a Terraform user has nothing of their own to write for it (its resource types
 * exist only in SAM or CloudFormation, with no Terraform counterpart).
 */
const NO_TERRAFORM_FIX: Record<string, string> = {
};

test('catalog: every control tells a Terraform user what to write', () => {
  for (const c of CONTROLS) {
    if (c.id in NO_TERRAFORM_FIX) {
      assert.equal(c.remediationTerraform, undefined, `${c.id} is allow-listed as having no Terraform fix but has one: remove it from NO_TERRAFORM_FIX`);
      continue;
    }
    const tf = c.remediationTerraform?.trim() ?? '';
    assert.ok(tf, `${c.id} has no remediationTerraform`);
    assert.notEqual(tf, c.remediation.trim(), `${c.id}: remediationTerraform repeats the CloudFormation remediation`);
    // The Terraform text names what the user writes: a Terraform resource type.
    assert.match(tf, /\baws_[a-z0-9_]+/, `${c.id}: remediationTerraform names no Terraform resource type`);
    // The CloudFormation text speaks CloudFormation only: Terraform advice belongs in remediationTerraform.
    assert.doesNotMatch(c.remediation, /\baws_[a-z0-9]+_[a-z0-9_]+|\bTerraform\b/, `${c.id}: the CloudFormation remediation mentions Terraform; move that text to remediationTerraform`);
  }
  for (const id of Object.keys(NO_TERRAFORM_FIX)) assert.ok(CONTROLS.some((c) => c.id === id), `NO_TERRAFORM_FIX lists ${id}, which is not in the catalog`);
});

test('the registry is generated from the folders, and each control sits in the folder of its domain', () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const check = spawnSync(process.execPath, [join(root, 'scripts/control-registry.mjs'), '--check'], { encoding: 'utf8' });
  assert.equal(check.status, 0, check.stderr);
  assert.deepEqual(REGISTERED.filter(([folder, c]) => folder !== c.domain).map(([folder, c]) => `${c.id} (domain ${c.domain}) is in src/controls/${folder}/`), []);
  assert.ok(CONTROLS.every((c) => DOMAINS.some((d) => d.id === c.domain)));
  assert.equal(new Set(CONTROLS).size, REGISTERED.length, 'each module registered once');
});

test('every control has a test table with passing and failing templates', () => {
  const tested = new Map(tables.map((t) => [t.control.id, t]));
  const missing = CONTROLS.filter((c) => !tested.has(c.id) || tested.get(c.id)!.pass.length === 0 || tested.get(c.id)!.fail.length === 0).map((c) => c.id);
  assert.deepEqual(missing, [], 'controls without pass and fail cases');
  const orphan = tables.filter((t) => !CONTROLS.includes(t.control)).map((t) => t.control.id);
  assert.deepEqual(orphan, [], 'case tables whose control is not in the catalog');
});

for (const t of tables) {
  test(`${t.control.id} ${t.control.title}`, () => {
    const problems: string[] = [];
    for (const expected of ['pass', 'fail', 'unknown', 'not_applicable'] as Expected[]) {
      (t[expected] ?? []).forEach((c, i) => {
        let p: string | undefined;
        try { p = checkCase(t.control, c, expected); } catch (e) { p = (e as Error).message; }
        if (p) problems.push(`${expected}[${i}]${typeof c !== 'string' && c.name ? ` (${c.name})` : ''}: ${p}`);
      });
    }
    assert.deepEqual(problems, []);
  });
}
