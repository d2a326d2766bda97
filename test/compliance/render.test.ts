/**
 * The checklist renderings: the JSON validates against schema/checklist.schema.json (and the
 * schema refuses what it should), every rendering says it is a self-assessment and shows each
 * requirement's symbol, status, title, reasons and located evidence; CSV cells cannot run as
 * formulas; the HTML page is self-contained and escapes what it prints.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { assessCompliance } from '../../src/compliance/assess.js';
import { CHECKLIST_CSV_HEADER, renderChecklist, type Checklist } from '../../src/compliance/render.js';
import { SELF_ASSESSED, STATUS_SYMBOL, STATUS_TEXT, REQUIREMENT_STATUSES } from '../../src/compliance/types.js';
import { MANUAL, NOW, YESTERDAY, attestation, catalog, exception, finding, req } from './fixtures.js';

const schema = JSON.parse(readFileSync(new URL('../../../schema/checklist.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;

function validator() {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\S+$/i);
  return ajv.compile(schema);
}

/** One requirement of every status, with findings, an attestation with a file, and both kinds of exception. */
function sample(): Checklist {
  const cat = catalog([
    req('MET', { controls: ['AT-1'], manual: MANUAL }, { section: 'S1 Access' }),
    req('NOT', { controls: ['AT-2'] }, { section: 'S1 Access', title: '=HYPERLINK("http://evil")' }),
    req('PART', { controls: ['AT-2'], manual: MANUAL }, { section: 'S2 Ops', obligation: 'addressable' }),
    req('UNK', { controls: ['AT-3'] }, { section: 'S2 Ops', parent: 'PART' }),
    req('START', { manual: MANUAL }, { section: 'S2 Ops' }),
    req('EXP', { manual: MANUAL }, { section: 'S3 Docs | pipes' }),
    req('EXC', { controls: ['AT-4'] }, { section: 'S3 Docs | pipes' }),
    req('NA', { notApplicable: 'the provider <b>runs</b> it' }, { section: 'S3 Docs | pipes' }),
    req('SVC', { service: ['ATTEST-SVC-1'] }, { section: 'S4 Service' }),
  ]);
  const supp = { source: 'attest' as const, reason: 'public site', expires: '2026-12-31', file: 'site.yaml', line: 4, column: 9 };
  const assessment = assessCompliance({
    frameworks: [cat],
    findings: [
      finding('AT-1', 'pass', { resource: 'Good' }),
      finding('AT-2', 'fail', { resource: 'Bad', file: 'infra/bad.yaml' }),
      finding('AT-3', 'unknown', { resource: 'Maybe', dependsOn: ['Env'] }),
      finding('AT-4', 'fail', { resource: 'Legacy' }),
      finding('AT-4', 'suppressed', { resource: 'Site', file: 'site.yaml', suppression: supp }),
    ],
    attestations: [
      attestation('MET', { files: [{ name: 'policy.pdf', sha256: 'c'.repeat(64), size: 1234, mediaType: 'application/pdf' }], links: ['https://wiki.example/policy'], statement: 'Signed <script>alert(1)</script> | piped' }),
      attestation('PART'),
      attestation('EXP', { validUntil: YESTERDAY }),
    ],
    exceptions: [exception({ control: 'AT-4' }, { scope: ['Legacy'] })],
    now: NOW,
  });
  return { assessment, scan: { paths: ['infra'], files: 3, resources: 9, findings: 5, skipped: 0, sourceErrors: 0 }, problems: ['ledger record 9 (compliance.exception.approve): ignored'] };
}

test('the sample covers every status', () => {
  const statuses = sample().assessment.frameworks[0]!.requirements.map((r) => r.status);
  assert.deepEqual([...new Set(statuses)].sort(), [...REQUIREMENT_STATUSES].sort());
});

test('json: validates against schema/checklist.schema.json; every requirement with its evidence', () => {
  const doc = JSON.parse(renderChecklist(sample(), 'json')) as { format: string; disclaimer: string; frameworks: { requirements: { id: string; parts: { findings?: { findings: { location: unknown }[] }[] }[] }[] }[] };
  const validate = validator();
  assert.ok(validate(doc), JSON.stringify(validate.errors, null, 2));
  assert.equal(doc.format, 'attest-checklist/v1');
  assert.equal(doc.disclaimer, SELF_ASSESSED);
  const not = doc.frameworks[0]!.requirements.find((r) => r.id === 'NOT')!;
  assert.deepEqual(not.parts[0]!.findings![0]!.findings[0]!.location, { file: 'infra/bad.yaml', line: (not.parts[0]!.findings![0]!.findings[0]!.location as { line: number }).line, column: 7 });
  assert.deepEqual(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
});

test('json: the requirements written are exactly the assessment\'s (findings cited once per requirement, same values)', () => {
  const c = sample();
  const doc = JSON.parse(renderChecklist(c, 'json')) as { frameworks: { requirements: unknown[]; summary: unknown }[] };
  assert.deepEqual(doc.frameworks[0]!.requirements, JSON.parse(JSON.stringify(c.assessment.frameworks[0]!.requirements)));
  assert.deepEqual(doc.frameworks[0]!.summary, c.assessment.frameworks[0]!.summary);
});

test('json schema refuses a status it does not know, a missing disclaimer, a score above 100', () => {
  const validate = validator();
  const doc = () => JSON.parse(renderChecklist(sample(), 'json')) as Record<string, unknown> & { frameworks: { requirements: { status: string }[]; summary: { score: { percent: number } } }[] };
  const a = doc();
  a.frameworks[0]!.requirements[0]!.status = 'probably_met';
  assert.equal(validate(a), false);
  const b = doc();
  delete b['disclaimer'];
  assert.equal(validate(b), false);
  const c = doc();
  c.frameworks[0]!.summary.score.percent = 100.1;
  assert.equal(validate(c), false);
});

test('every format says it is self-assessed and shows symbol, status, title, reasons and file:line evidence', () => {
  const c = sample();
  for (const f of ['text', 'markdown', 'csv', 'html'] as const) {
    const out = renderChecklist(c, f);
    assert.ok(out.includes(SELF_ASSESSED), `${f}: the disclaimer`);
    for (const r of c.assessment.frameworks[0]!.requirements) {
      assert.ok(out.includes(r.id), `${f}: ${r.id}`);
      assert.ok(out.includes(f === 'csv' ? r.status : STATUS_TEXT[r.status]), `${f}: ${r.status}`);
      assert.ok(out.includes(STATUS_SYMBOL[r.status]), `${f}: symbol of ${r.status}`);
    }
    assert.match(out, /infra\/bad\.yaml:\d+/, `${f}: a failing finding located`);
    assert.match(out, /AT-2 fails on Bad/, `${f}: a reason`);
    assert.match(out, /c{64}/, `${f}: the attestation's file hash`);
    assert.match(out, /EXC-\d+/, `${f}: the exception`);
    assert.match(out, /template suppression \(attest\) at site\.yaml:4/, `${f}: the template suppression`);
    if (f !== 'csv') assert.match(out, /1\/8 \(12\.5%\)/, `${f}: the score`); // csv: one row per requirement, no framework rows
  }
});

test('text: a line per requirement with symbol, status and title; the score and coverage per framework', () => {
  const out = renderChecklist(sample(), 'text');
  assert.match(out, /^ {2}✅ met {13}MET {2}Requirement MET$/m);
  assert.match(out, /^ {2}❌ not met {9}NOT {2}=HYPERLINK/m);
  assert.match(out, /^ {2}— not applicable {2}NA {2}Requirement NA$/m);
  assert.match(out, /Score: 1\/8 \(12\.5%\) of applicable requirements met .* automated coverage 5\/8 \(62\.5%\)/);
  assert.match(out, /Ledger: ledger record 9/);
});

test('csv: one row per requirement, header first, formulas neutralised', () => {
  const out = renderChecklist(sample(), 'csv');
  const lines = out.trimEnd().split('\r\n');
  assert.equal(lines[0], CHECKLIST_CSV_HEADER.join(','));
  assert.equal(lines.length, 1 + 9);
  assert.ok(lines.some((l) => l.includes(`"'=HYPERLINK(""http://evil"")"`)), 'a title starting with = is prefixed with a quote');
});

test('html: self-contained (no script, nothing fetched) and escaped', () => {
  const out = renderChecklist(sample(), 'html');
  assert.match(out, /^<!doctype html>/);
  assert.doesNotMatch(out, /<script/i);
  assert.match(out, /Signed &lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.doesNotMatch(out, /\s(src|href)=/i);
  assert.doesNotMatch(out, /<link\b/i);
  assert.match(out, /the provider &lt;b&gt;runs&lt;\/b&gt; it/);
});

test('markdown: a table of every requirement and escaped pipes in sections and statements', () => {
  const out = renderChecklist(sample(), 'markdown');
  assert.match(out, /^# Compliance checklist/);
  assert.match(out, /\| ✅ \| `MET` \| Requirement MET \| met \|/);
  assert.match(out, /### S3 Docs \\\| pipes/);
  assert.match(out, /\| ✅ \| met \|/, 'the symbol mapping table');
});

test('renderings are chunked (no single string for a large checklist) and the same when joined', async () => {
  const { renderChecklistChunks } = await import('../../src/compliance/render.js');
  const c = sample();
  for (const f of ['text', 'json', 'markdown', 'csv', 'html'] as const) {
    const chunks = [...renderChecklistChunks(c, f)];
    assert.ok(chunks.length > 3, `${f} yields several chunks`);
    assert.equal(chunks.join(''), renderChecklist(c, f));
  }
});
