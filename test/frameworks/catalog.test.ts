import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTROLS } from '../../src/controls/index.js';
import { CATALOG_FILES, CATALOGS, FRAMEWORKS, catalogProblems, frameworksFor } from '../../src/frameworks/index.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const srcDir = join(root, 'src/frameworks');
const readJson = (p: string): unknown => JSON.parse(readFileSync(p, 'utf8'));

test('every control maps to exactly the requirements it mapped to before the catalogs (inline maps plus guard-registry mappings)', () => {
  // Snapshot taken from frameworksFor on the code before the move (commit b17f9d6).
  const before = readJson(join(root, 'test/frameworks/mappings-before-catalogs.json')) as Record<string, Record<string, string[]>>;
  assert.deepEqual(CONTROLS.map((c) => c.id), Object.keys(before).sort());
  assert.equal(CONTROLS.length, 146);
  for (const c of CONTROLS) assert.deepEqual(frameworksFor(c.id), before[c.id], c.id);
});

test('every catalog file under src/frameworks is loaded, and every loaded one is well formed as read from disk', () => {
  const onDisk: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith('.json')) onDisk.push(relative(srcDir, join(d, e.name)));
    }
  };
  walk(srcDir);
  assert.deepEqual(onDisk.sort(), [...CATALOG_FILES].sort());
  for (const f of CATALOG_FILES) assert.deepEqual(catalogProblems(readJson(join(srcDir, f))), [], f);
});

test('framework ids are unique across catalogs and requirement ids unique within each', () => {
  const ids = CATALOGS.map((c) => c.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const c of CATALOGS) {
    const reqs = c.requirements.map((r) => r.id);
    assert.equal(new Set(reqs).size, reqs.length, c.id);
  }
});

test('every control a catalog names exists in the registry', () => {
  const known = new Set(CONTROLS.map((c) => c.id));
  const missing = CATALOGS.flatMap((c) => c.requirements.flatMap((r) =>
    r.evidence.rule === 'all-pass' ? r.evidence.controls.filter((id) => !known.has(id)).map((id) => `${c.id} ${r.id}: ${id}`) : []));
  assert.deepEqual(missing, []);
});

test('every control is evidence for at least one requirement of some framework', () => {
  // No exemptions: a control that decides nothing a framework asks for has no place in a
  // readiness checklist, so it must be mapped (or the control questioned) before it lands.
  assert.deepEqual(CONTROLS.filter((c) => Object.keys(frameworksFor(c.id)).length === 0).map((c) => c.id), []);
});

test('every requirement carries an evidence rule: automated controls, manual evidence, or not applicable with a reason', () => {
  const counts: Record<string, number> = {};
  for (const c of CATALOGS) for (const r of c.requirements) counts[r.evidence.rule] = (counts[r.evidence.rule] ?? 0) + 1;
  // Generated from today's automated mappings only; manual and not-applicable rules come with the complete catalogs.
  assert.deepEqual(counts, { 'all-pass': 403 });
});

test('a malformed catalog is refused with the field named', () => {
  assert.deepEqual(catalogProblems([]), ['the file is not a JSON object']);
  assert.deepEqual(catalogProblems({
    id: 'x', name: 'X', version: '1', source: 's', licence: 'l', mappedFrom: { source: 'm', version: '' },
    requirements: [
      { id: 'R1', evidence: { rule: 'all-pass', controls: [] } },
      { id: 'R1', evidence: { rule: 'all-pass', controls: ['AT-S3-001', 'AT-S3-001'] } },
      { id: 'R2' },
      { id: 'R3', title: '', evidence: { rule: 'manual' } },
      { id: 'R4', evidence: { rule: 'not-applicable', reason: ' ' } },
      { id: 'R5', evidence: { rule: 'some' } },
    ],
  }), [
    'mappedFrom.version: must be a non-empty string when given',
    'requirements[0].evidence.controls: all-pass needs a non-empty list of control ids',
    'requirements[1].id: "R1" appears more than once',
    'requirements[1].evidence.controls: a control is listed more than once',
    'requirements[2].evidence: an evidence rule is required (all-pass, manual or not-applicable)',
    'requirements[3].title: must be a non-empty string when given',
    'requirements[3].evidence.evidence: manual needs a description of what to attach',
    'requirements[4].evidence.reason: not-applicable needs the reason',
    'requirements[5].evidence.rule: must be all-pass, manual or not-applicable; got "some"',
  ]);
  assert.deepEqual(catalogProblems({ id: 'x', name: 'X', version: '1', source: 's', licence: '' }), [
    'licence: a non-empty string is required',
    'mappedFrom.source: a non-empty string is required',
    'requirements: an array is required',
  ]);
});

test('the report lists frameworks from catalog metadata, in the order and with the text reports carried before', () => {
  assert.deepEqual(Object.keys(FRAMEWORKS), ['cis-aws-l1', 'cis-aws-l2', 'fedramp-moderate', 'hipaa', 'nist-800-53-r5', 'nist-csf-1.1', 'pci-dss-3.2.1', 'soc2-tsc-2017', 'gdpr', 'nist-csf-2.0']);
  assert.deepEqual(FRAMEWORKS['cis-aws-l1'], { title: 'CIS Amazon Web Services Foundations Benchmark v1.4.0, Level 1', source: 'aws-guard-rules-registry mappings/rule_set_cis_aws_benchmark_level_1.json', version: '1.0.0' });
  assert.deepEqual(FRAMEWORKS['soc2-tsc-2017'], { title: 'SOC 2 Trust Services Criteria (2017, revised points of focus 2022)', source: 'Attest control metadata' });
});

test('a requirement title is stated only where the source names it: NIST control names from the OSCAL catalog, GDPR article headings', () => {
  const nist = CATALOGS.find((c) => c.id === 'nist-800-53-r5')!;
  assert.deepEqual(nist.requirements.find((r) => r.id === 'AC-2(1)'), {
    id: 'AC-2(1)', title: 'Automated System Account Management', section: 'Access Control',
    evidence: { rule: 'all-pass', controls: ['AT-IAM-001', 'AT-IAM-011', 'AT-SM-001'] },
  });
  // A statement part (AC-16b) is not a control: no title of its own.
  assert.equal(nist.requirements.find((r) => r.id === 'AC-16b')?.title, undefined);
  const gdpr = CATALOGS.find((c) => c.id === 'gdpr')!;
  assert.deepEqual(gdpr.requirements.find((r) => r.id === 'Art.30')?.title, 'Records of processing activities');
  assert.deepEqual(gdpr.requirements.find((r) => r.id === 'Art.32(1)(a)')?.section, 'Art.32 Security of processing');
  for (const id of ['soc2-tsc-2017', 'nist-csf-2.0', 'hipaa', 'pci-dss-3.2.1', 'cis-aws-l1', 'fedramp-moderate']) {
    assert.deepEqual(CATALOGS.find((c) => c.id === id)!.requirements.filter((r) => r.title !== undefined), [], id);
  }
});

test('the published package carries every catalog next to the module that reads it', () => {
  // The guard mappings used to be read from src/, which package.json "files" leaves out.
  const r = spawnSync('npm', ['pack', '--dry-run', '--ignore-scripts', '--json'], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const files = new Set((JSON.parse(r.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path));
  assert.deepEqual(CATALOG_FILES.filter((f) => !files.has(`dist/src/frameworks/${f}`)), []);
  assert.ok(files.has('dist/src/frameworks/index.js'));
});
