/**
 * attest report --format oscal on examples/platform with a populated ledger (one attested
 * policy, audit records): the OSCAL assessment results and catalog it writes are checked
 * structurally (required fields, v4 UUIDs unique, every reference resolves, statuses never claim
 * satisfied for what the JSON report does not call met, the disclaimer), signed, and, when
 * OSCAL_SCHEMA_DIR holds NIST's published JSON schemas, validated against them with ajv.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATALOGS } from '../../src/frameworks/index.js';
import { buildOscalCatalog, oscalFileHref, ATTEST_NS, OSCAL_VERSION, type OscalAssessmentResults, type OscalCatalog } from '../../src/compliance/oscal.js';
import { REPORT_DISCLAIMER, type FrameworkReport } from '../../src/compliance/framework-report.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(root, 'bin/attest.js');
const examples = join(root, 'examples/platform');
const dir = mkdtempSync(join(tmpdir(), 'attest-oscal-'));
const L = ['--db', join(dir, 'ledger.db'), '--keys', join(dir, 'keys')];
const run = (args: string[], input?: string) => spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, ATTEST_CONFIG: join(dir, 'none.json') }, ...(input !== undefined ? { input } : {}) });
const soc2 = CATALOGS.find((c) => c.framework === 'soc2-tsc')!;
const manual = soc2.requirements.find((r) => r.evidence.manual && !r.evidence.controls && !r.evidence.service)!;

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
// OSCAL's token datatype (ids, prop names).
const TOKEN = /^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$/u;

let ar: OscalAssessmentResults;
let cat: OscalCatalog;
let json: FrameworkReport;
/** Results over a file whose path holds #, ?, [ ] and spaces (set by the href test). */
let oddAr: OscalAssessmentResults | undefined;

/** Every value under `key` anywhere in a document. */
function collect(v: unknown, key: string, out: unknown[] = []): unknown[] {
  if (Array.isArray(v)) for (const x of v) collect(x, key, out);
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { if (k === key) out.push(x); collect(x, key, out); }
  return out;
}

test('report --format oscal writes the results and the catalog, each signed and verifiable', () => {
  writeFileSync(join(dir, 'conduct.txt'), 'Code of conduct, approved 2026-11-01.\n');
  let r = run(['evidence', 'add', ...L, '--framework', soc2.id, '--requirement', manual.id, '--statement', 'Approved by the board.', '--file', join(dir, 'conduct.txt'), '--actor', 'carol']);
  assert.equal(r.status, 0, r.stderr);
  r = run(['ledger', 'append', '-', ...L], Array.from({ length: 6 }, (_, i) => JSON.stringify({ actor: { id: 'alice', type: 'user' }, action: 'auth.login', outcome: i % 2 ? 'success' : 'denied' })).join('\n') + '\n');
  assert.equal(r.status, 0, r.stderr);

  // A fixed period, so the OSCAL and JSON runs below assess the same window.
  const P = ['--from', '2020-01-01T00:00:00Z', '--to', '2030-01-01T00:00:00Z'];
  r = run(['report', '--framework', 'soc2-tsc', examples, ...L, ...P, '--format', 'oscal', '--out', 'soc2.oscal.json']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /OSCAL 1\.1\.2 assessment results/);
  for (const f of ['soc2.oscal.json', 'soc2.oscal.json.sig', 'soc2.oscal.json.catalog.json', 'soc2.oscal.json.catalog.json.sig']) assert.ok(existsSync(join(dir, f)), f);
  r = run(['report', '--framework', 'soc2-tsc', examples, ...L, ...P, '--format', 'json', '--out', 'soc2.json', '-q']);
  assert.equal(r.status, 0, r.stderr);
  ar = JSON.parse(readFileSync(join(dir, 'soc2.oscal.json'), 'utf8'));
  cat = JSON.parse(readFileSync(join(dir, 'soc2.oscal.json.catalog.json'), 'utf8'));
  json = JSON.parse(readFileSync(join(dir, 'soc2.json'), 'utf8'));

  for (const f of ['soc2.oscal.json', 'soc2.oscal.json.catalog.json']) {
    r = run(['report', 'verify', f]);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^VERIFIED/);
  }
  // A changed byte in the results fails their signature.
  const b = readFileSync(join(dir, 'soc2.oscal.json'));
  b[Math.floor(b.length / 2)] ^= 1;
  writeFileSync(join(dir, 'changed.oscal.json'), b);
  r = run(['report', 'verify', 'changed.oscal.json', '--signature', 'soc2.oscal.json.sig']);
  assert.equal(r.status, 1);
  assert.match(r.stdout + r.stderr, /changed after signing/);

  // --format oscal needs a file (it writes two).
  r = run(['report', '--framework', 'soc2-tsc', examples, '--format', 'oscal']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--out/);
});

test('required fields are present, with OSCAL 1.1.2 and the disclaimer in the metadata', () => {
  const a = ar['assessment-results'];
  assert.ok(a.uuid && a.metadata && a['import-ap']?.href && a.results.length === 1);
  const md = a.metadata;
  for (const k of ['title', 'last-modified', 'version', 'oscal-version'] as const) assert.equal(typeof md[k], 'string', k);
  assert.equal(md['oscal-version'], OSCAL_VERSION);
  assert.ok(md.remarks?.includes(REPORT_DISCLAIMER));
  assert.ok(md.props?.some((p) => p.name === 'disclaimer' && p.value === REPORT_DISCLAIMER && p.ns === ATTEST_NS));
  const res = a.results[0]!;
  for (const k of ['uuid', 'title', 'description', 'start', 'end'] as const) assert.equal(typeof res[k], 'string', k);
  assert.equal(res.start, json.period.from);
  assert.ok(res['reviewed-controls']['control-selections'][0]!['include-controls'].length > 0);
  for (const o of res.observations ?? []) {
    assert.ok(o.uuid && o.description && o.collected && o.methods.length, JSON.stringify(o));
    assert.ok(o.methods.every((m) => ['TEST', 'EXAMINE'].includes(m)));
  }
  for (const f of res.findings ?? []) assert.ok(f.uuid && f.title && f.description && f.target.type === 'statement-id' && f.target['target-id'] && ['satisfied', 'not-satisfied'].includes(f.target.status.state), JSON.stringify(f));
  const c = cat.catalog;
  assert.ok(c.uuid && c.metadata.title && c.metadata['oscal-version'] === OSCAL_VERSION && c.groups.length > 0);
  // Strings OSCAL constrains: ids and prop names are tokens, prop values non-empty without outer whitespace.
  for (const p of [...collect(ar, 'props'), ...collect(cat, 'props')].flat() as { name: string; value: string }[]) {
    assert.match(p.name, TOKEN);
    assert.match(p.value, /^\S(.*\S)?$/s);
  }
  for (const g of c.groups) { assert.match(g.id, TOKEN); for (const k of g.controls) assert.match(k.id, TOKEN); }
});

test('UUIDs are v4 and unique across the results document', () => {
  const uuids = [...collect(ar, 'uuid')] as string[];
  assert.ok(uuids.length > 10);
  for (const u of uuids) assert.match(u, UUID_V4);
  assert.equal(new Set(uuids).size, uuids.length, 'no uuid defined twice');
  assert.match(cat.catalog.uuid, UUID_V4);
});

test('every reference resolves: targets and reviewed controls in the catalog, observations, subjects, import-ap', () => {
  const a = ar['assessment-results'];
  const res = a.results[0]!;
  const controlIds = new Set(cat.catalog.groups.flatMap((g) => g.controls.map((k) => k.id)));
  const partIds = new Set(cat.catalog.groups.flatMap((g) => g.controls.flatMap((k) => (k.parts ?? []).map((p) => p.id))));
  for (const f of res.findings!) assert.ok(partIds.has(f.target['target-id']), `finding target ${f.target['target-id']} is not in the catalog`);
  for (const s of res['reviewed-controls']['control-selections'][0]!['include-controls']) assert.ok(controlIds.has(s['control-id']), s['control-id']);
  const obs = new Set((res.observations ?? []).map((o) => o.uuid));
  const related = res.findings!.flatMap((f) => (f['related-observations'] ?? []).map((r) => r['observation-uuid']));
  assert.ok(related.length > 0);
  for (const u of related) assert.ok(obs.has(u), `related observation ${u} does not exist`);
  const resources = new Set(a['back-matter']!.resources.map((r) => r.uuid));
  for (const o of res.observations ?? []) for (const s of o.subjects ?? []) assert.ok(resources.has(s['subject-uuid']), `subject ${s['subject-uuid']}`);
  assert.match(a['import-ap'].href, /^#/);
  const plan = a['back-matter']!.resources.find((r) => r.uuid === a['import-ap'].href.slice(1));
  assert.ok(plan, 'import-ap resolves to a back-matter resource');
  assert.equal(plan.rlinks?.[0]?.href, 'soc2.oscal.json.catalog.json');
  // One finding per assessed requirement, one control per catalog requirement.
  assert.equal(res.findings!.length, json.requirements.length);
  assert.equal(controlIds.size, soc2.requirements.length);
});

test('statuses: satisfied only where the JSON report says met, and our status kept in props', () => {
  const res = ar['assessment-results'].results[0]!;
  const byId = new Map(json.requirements.map((r) => [r.id, r.status]));
  let satisfied = 0;
  for (const f of res.findings!) {
    const id = f.props!.find((p) => p.name === 'requirement-id')!.value;
    const status = byId.get(id);
    assert.ok(status, id);
    assert.equal(f.props!.find((p) => p.name === 'status' && p.ns === ATTEST_NS)!.value, status!.replace(/_/g, '-'));
    if (f.target.status.state === 'satisfied') { satisfied++; assert.equal(status, 'met', `${id} is ${status}, yet satisfied`); }
    else assert.notEqual(status, 'met', `${id} is met, yet not-satisfied`);
  }
  assert.equal(byId.get(manual.id), 'met', 'the attested manual requirement is met');
  assert.ok(satisfied >= 1);
  assert.ok(res.findings!.length - satisfied >= json.gaps.length, 'every gap is not-satisfied');
});

test('observations carry the evidence: file:line for configuration (TEST), ledger record and evidence hash for attestations (EXAMINE)', async () => {
  const a = ar['assessment-results'];
  const res = a.results[0]!;
  const tests = res.observations!.filter((o) => o.methods.includes('TEST'));
  assert.ok(tests.length > 0);
  for (const o of tests) {
    const ev = o['relevant-evidence']![0]!;
    assert.match(ev.description, /\.(ya?ml|json|tf):\d+ \(column \d+\): /);
    assert.match(ev.href!, /#L\d+$/);
  }
  const examine = res.observations!.filter((o) => o.methods.includes('EXAMINE'));
  assert.equal(examine.length, 1);
  const pol = json.policies.find((p) => p.requirement === manual.id)!;
  const props = new Map(examine[0]!.props!.map((p) => [p.name, p.value]));
  assert.equal(props.get('ledger-record-hash'), pol.recordHash);
  assert.match(props.get('ledger-record-seq')!, /^\d+$/);
  assert.ok(examine[0]!['relevant-evidence']!.some((e) => e.description.includes(pol.files[0]!.sha256)));
  const finding = res.findings!.find((f) => f.props!.some((p) => p.name === 'requirement-id' && p.value === manual.id))!;
  assert.ok(finding['related-observations']!.some((r) => r['observation-uuid'] === examine[0]!.uuid));
  assert.ok(finding.props!.some((p) => p.name === 'ledger-record-hash' && p.value === pol.recordHash));
  // Back-matter: the policy document by hash, the ledger checkpoint, the scanned sources with hashes.
  const bm = a['back-matter']!.resources;
  assert.ok(bm.some((r) => r.rlinks?.some((l) => l.hashes?.some((h) => h.algorithm === 'SHA-256' && h.value === pol.files[0]!.sha256))));
  // The checkpoint the OSCAL run was anchored to: the JSON run came after the OSCAL run's own
  // compliance.report.generated record, so its tree is one record larger; the OSCAL's root is
  // the ledger's root at the OSCAL's size (checked through a consistency proof from it).
  const cpRes = bm.find((r) => r.props?.some((p) => p.name === 'checkpoint-root'))!;
  const cpProp = (n: string) => cpRes.props!.find((p) => p.name === n)!.value;
  assert.equal(Number(cpProp('checkpoint-size')), json.auditLog!.checkpoint.size - 1);
  const { openLedger } = await import('../../src/ledger/open.js');
  const ledger = await openLedger({ db: join(dir, 'ledger.db'), keysDir: join(dir, 'keys') });
  try {
    const proof = await ledger.consistencyProof(Number(cpProp('checkpoint-size')), json.auditLog!.checkpoint.size);
    assert.equal(cpProp('checkpoint-root'), proof.from.root);
    assert.equal(proof.to.root, json.auditLog!.checkpoint.root);
  } finally {
    await ledger.close();
  }
  for (const s of json.scope.sources) assert.ok(bm.some((r) => r.title === s.file && r.rlinks?.[0]?.hashes?.[0]?.value.match(/^[0-9a-f]{64}$/)), s.file);
});

test('file hrefs stay paths when names hold #, ?, [ ], %, spaces or non-ASCII letters (one fragment: the line)', () => {
  assert.equal(oscalFileHref('dir #1/r?ds [x].tf'), 'dir%20%231/r%3Fds%20%5Bx%5D.tf');
  assert.equal(oscalFileHref('in%fra é.tf'), 'in%25fra%20%C3%A9.tf');
  assert.equal(oscalFileHref('infra\\rds.tf'), 'infra/rds.tf');
  // End to end: a scan of such a file, every href of the results one URI reference whose path decodes back to the file.
  const odd = join(dir, 'odd', 'dir #1');
  mkdirSync(odd, { recursive: true });
  const file = join(odd, 'r?ds [x].tf');
  copyFileSync(join(root, 'examples/terraform/rds.tf'), file);
  const r = run(['report', '--framework', 'soc2-tsc', join(dir, 'odd'), '--format', 'oscal', '--out', 'odd #1.oscal.json', '-q']);
  assert.equal(r.status, 0, r.stderr);
  oddAr = JSON.parse(readFileSync(join(dir, 'odd #1.oscal.json'), 'utf8')) as OscalAssessmentResults;
  const a = oddAr['assessment-results'];
  // The plan's link to the catalog written beside the results.
  const plan = a['back-matter']!.resources.find((x) => x.uuid === a['import-ap'].href.slice(1))!;
  assert.equal(plan.rlinks![0]!.href, 'odd%20%231.oscal.json.catalog.json');
  // Sources under the working directory are named relative to it.
  const rel = 'odd/dir #1/r?ds [x].tf';
  const source = a['back-matter']!.resources.find((x) => x.title === rel)!;
  assert.equal(source.rlinks![0]!.href, 'odd/dir%20%231/r%3Fds%20%5Bx%5D.tf');
  const evidence = a.results[0]!.observations!.filter((o) => o.methods.includes('TEST')).map((o) => o['relevant-evidence']![0]!.href!);
  assert.ok(evidence.length > 0);
  for (const h of evidence) {
    assert.match(h, /^[^#?]+#L\d+$/, h);
    assert.equal(decodeURIComponent(h.slice(0, h.indexOf('#'))), rel);
  }
});

test('every shipped catalog becomes an OSCAL catalog with unique token ids (HIPAA ids such as 164.312(a)(1) included)', () => {
  for (const c of CATALOGS) {
    const o = buildOscalCatalog(c, new Date());
    const ids = o.catalog.groups.flatMap((g) => g.controls.map((k) => k.id));
    assert.equal(ids.length, c.requirements.length, c.id);
    assert.equal(new Set(ids).size, ids.length, c.id);
    for (const id of ids) assert.match(id, TOKEN, `${c.id}: ${id}`);
    const labels = o.catalog.groups.flatMap((g) => g.controls.map((k) => k.props!.find((p) => p.name === 'label')!.value));
    assert.deepEqual(labels.sort(), c.requirements.map((r) => r.id).sort(), c.id);
  }
});

test('NIST SP 800-53: our catalog uses NIST\'s ids, so the findings\' targets resolve in NIST\'s own OSCAL catalog too', (t) => {
  const nistCatalog = CATALOGS.find((c) => c.framework === 'nist-800-53')!;
  const file = join(root, '../shared/corpus/frameworks/nist-oscal/NIST_SP-800-53_rev5_MODERATE-baseline-resolved-profile_catalog-min.json');
  if (!existsSync(file)) { t.skip(`NIST's catalog is not at ${file} (the shared corpus beside the project)`); return; }
  const nistIds = new Set(collect(JSON.parse(readFileSync(file, 'utf8')), 'id') as string[]);
  const ours = buildOscalCatalog(nistCatalog, new Date()).catalog.groups.flatMap((g) => g.controls);
  assert.equal(ours.length, nistCatalog.requirements.length);
  for (const c of ours) {
    assert.ok(nistIds.has(c.id), `${c.id} is not a control of NIST's catalog`);
    assert.ok(nistIds.has(c.parts![0]!.id), `${c.parts![0]!.id} is not a statement of NIST's catalog`);
  }
});

const schemaDir = process.env.OSCAL_SCHEMA_DIR;
const schemaFiles = ['oscal_assessment-results_schema.json', 'oscal_catalog_schema.json'];
const schemaSkip = !schemaDir
  ? 'OSCAL_SCHEMA_DIR is not set: NIST\'s OSCAL 1.1.x JSON schemas are not installable here; point OSCAL_SCHEMA_DIR at a folder holding oscal_assessment-results_schema.json and oscal_catalog_schema.json to run this'
  : schemaFiles.some((f) => !existsSync(join(schemaDir, f)))
    ? `OSCAL_SCHEMA_DIR=${schemaDir} does not hold ${schemaFiles.join(' and ')}`
    : false;

test('the results and the catalog validate against NIST\'s published OSCAL JSON schemas', { skip: schemaSkip }, async () => {
  const { default: Ajv } = await import('ajv');
  const { default: addFormats } = await import('ajv-formats');
  for (const [file, doc] of [[schemaFiles[0]!, ar], [schemaFiles[0]!, oddAr], [schemaFiles[1]!, cat]] as const) {
    assert.ok(doc, `${file}: the document was not written (an earlier test failed)`);
    const schema = JSON.parse(readFileSync(join(schemaDir!, file), 'utf8')) as { $schema?: string };
    // The published schemas are draft-07 with unicode property escapes in their patterns.
    const ajv = new (Ajv as unknown as typeof import('ajv').default)({ strict: false, allErrors: true, unicodeRegExp: true });
    (addFormats as unknown as (a: unknown) => void)(ajv);
    delete schema.$schema;
    const validate = ajv.compile(schema);
    const ok = validate(doc);
    assert.ok(ok, `${file}: ${JSON.stringify(validate.errors?.slice(0, 10), null, 1)}`);
  }
});
