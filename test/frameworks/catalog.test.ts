import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTROLS } from '../../src/controls/index.js';
import { DEFAULT_ROLES } from '../../src/access/scopes.js';
import { SERVICE_CONTROLS } from '../../src/server/self-assessment.js';
import { CATALOG_FILES, CATALOGS, FRAMEWORKS, catalogById, catalogProblems, frameworksFor, type Catalog } from '../../src/frameworks/index.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const srcDir = join(root, 'src/frameworks');
const corpus = join(root, '../shared/corpus/frameworks');
const readJson = (p: string): unknown => JSON.parse(readFileSync(p, 'utf8'));
const cat = (id: string): Catalog => {
  const c = catalogById(id);
  assert.ok(c, `catalog ${id} is shipped`);
  return c;
};
const ids = (id: string) => cat(id).requirements.map((r) => r.id);
const range = (prefix: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);

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
  for (const f of CATALOG_FILES) {
    assert.deepEqual(catalogProblems(readJson(join(srcDir, f))), [], f);
    // The folder is the framework family, so a reviewer finds every version of it in one place.
    assert.equal((readJson(join(srcDir, f)) as Catalog).framework, f.split('/')[0], f);
  }
});

test('the six frameworks of the readiness checklists are shipped, in report order, with their name, version and source', () => {
  assert.deepEqual(CATALOGS.map((c) => c.id), ['soc2-tsc-2017', 'hipaa', 'gdpr', 'nist-csf-2.0', 'cis-aws-5.0', 'nist-800-53-r5-moderate']);
  for (const c of CATALOGS) assert.deepEqual(FRAMEWORKS[c.id], { title: c.name, source: c.source, version: c.version });
});

test('framework ids are unique across catalogs and requirement ids unique within each', () => {
  const all = CATALOGS.map((c) => c.id);
  assert.equal(new Set(all).size, all.length);
  for (const c of CATALOGS) assert.equal(new Set(ids(c.id)).size, c.requirements.length, c.id);
});

test('every control and service control a catalog names exists', () => {
  const known = new Set(CONTROLS.map((c) => c.id));
  const service = new Set(SERVICE_CONTROLS.map((c) => c.id));
  const missing = CATALOGS.flatMap((c) => c.requirements.flatMap((r) => [
    ...(r.evidence.controls ?? []).filter((id) => !known.has(id)).map((id) => `${c.id} ${r.id}: control ${id}`),
    ...(r.evidence.service ?? []).filter((id) => !service.has(id)).map((id) => `${c.id} ${r.id}: service control ${id}`),
  ]));
  assert.deepEqual(missing, []);
});

test('every control and every service control is evidence for at least one requirement of some framework', () => {
  // No exemptions: a control that decides nothing a framework asks for has no place in a
  // readiness checklist, so it must be mapped (or the control questioned) before it lands.
  assert.deepEqual(CONTROLS.filter((c) => Object.keys(frameworksFor(c.id)).length === 0).map((c) => c.id), []);
  const usedService = new Set(CATALOGS.flatMap((c) => c.requirements.flatMap((r) => r.evidence.service ?? [])));
  assert.deepEqual(SERVICE_CONTROLS.map((c) => c.id).filter((id) => !usedService.has(id)), []);
});

test('the move to complete catalogs kept every earlier control mapping, except the reviewed removals listed here', () => {
  // Snapshot of every control's mappings before the complete catalogs (frameworksFor at b17f9d6).
  const before = readJson(join(root, 'test/frameworks/mappings-before-catalogs.json')) as Record<string, Record<string, string[]>>;
  // Each removal was reviewed: the control cannot show what the requirement asks for.
  const removed = new Set([
    // A register of processing activities is a document; no log or tag setting shows it exists.
    ...['AT-CT-001', 'AT-CT-005', 'AT-RDS-007', 'AT-S3-006', 'AT-TAG-001'].map((c) => `gdpr Art.30 ${c}`),
    // CSF 2.0 withdrew DE.CM-08; the control stays under ID.RA-01, where it was already mapped.
    'nist-csf-2.0 DE.CM-08 AT-ECR-001',
  ]);
  const lost: string[] = [];
  const missingIn = (fw: string, c: string) => Object.keys(frameworksFor(c)).includes(fw) ? [] : [`${c} is no longer mapped in ${fw}`];
  for (const [control, fws] of Object.entries(before)) {
    const now = frameworksFor(control);
    for (const fw of ['soc2-tsc-2017', 'hipaa', 'gdpr', 'nist-csf-2.0']) {
      for (const r of fws[fw] ?? []) if (!now[fw]?.includes(r) && !removed.has(`${fw} ${r} ${control}`)) lost.push(`${fw} ${r} ${control}`);
    }
    // Replaced versions: the requirement ids changed, the control must still decide something there.
    if ((fws['cis-aws-l1'] || fws['cis-aws-l2']) && control !== 'AT-S3-001') lost.push(...missingIn('cis-aws-5.0', control));
    if (fws['nist-800-53-r5'] || fws['fedramp-moderate']) lost.push(...missingIn('nist-800-53-r5-moderate', control));
  }
  assert.deepEqual(lost, []);
  // CIS 5.0 has no default-encryption recommendation for S3 (S3 encrypts every new object); the control stays in HIPAA and SOC 2.
  assert.deepEqual(frameworksFor('AT-S3-001')['cis-aws-5.0'], undefined);
  assert.ok(frameworksFor('AT-S3-001').hipaa?.length);
});

test('manual evidence may be attested only by roles that exist and write; auditors, viewers, agents and approvers attest nothing', () => {
  const problems: string[] = [];
  for (const c of CATALOGS) {
    for (const r of c.requirements) {
      for (const role of r.evidence.manual?.attesters ?? []) {
        if (!(role in DEFAULT_ROLES) || ['auditor', 'viewer', 'agent', 'approver'].includes(role)) problems.push(`${c.id} ${r.id}: ${role}`);
      }
    }
  }
  assert.deepEqual(problems, []);
});

test('every requirement has a title and a summary of its own, and a summary is not a copy of the title', () => {
  for (const c of CATALOGS) {
    for (const r of c.requirements) assert.notEqual(r.summary.trim().toLowerCase(), r.title.trim().toLowerCase(), `${c.id} ${r.id}`);
  }
});

test('SOC 2: every criterion of the 2017 Trust Services Criteria, selectable by category, security by default', () => {
  const expected = [
    ...range('CC1.', 1, 5), ...range('CC2.', 1, 3), ...range('CC3.', 1, 4), ...range('CC4.', 1, 2), ...range('CC5.', 1, 3),
    ...range('CC6.', 1, 8), ...range('CC7.', 1, 5), 'CC8.1', ...range('CC9.', 1, 2),
    ...range('A1.', 1, 3), ...range('C1.', 1, 2), ...range('PI1.', 1, 5),
    'P1.1', 'P2.1', ...range('P3.', 1, 2), ...range('P4.', 1, 3), ...range('P5.', 1, 2), ...range('P6.', 1, 7), 'P7.1', 'P8.1',
  ];
  assert.deepEqual([...ids('soc2-tsc-2017')].sort(), [...expected].sort());
  const soc2 = cat('soc2-tsc-2017');
  assert.deepEqual(soc2.categories!.map((k) => [k.id, k.default]), [
    ['security', true], ['availability', false], ['confidentiality', false], ['processing-integrity', false], ['privacy', false],
  ]);
  const byCat = (k: string) => soc2.requirements.filter((r) => r.category === k).map((r) => r.id.replace(/[0-9.]+$/, ''));
  assert.deepEqual([...new Set(byCat('security'))], ['CC']);
  assert.deepEqual([...new Set(byCat('availability'))], ['A']);
  assert.deepEqual([...new Set(byCat('confidentiality'))], ['C']);
  assert.deepEqual([...new Set(byCat('processing-integrity'))], ['PI']);
  assert.deepEqual([...new Set(byCat('privacy'))], ['P']);
});

test('HIPAA: every Security Rule standard and implementation specification (required or addressable) and the breach notification sections', () => {
  const hipaa = cat('hipaa');
  const got = new Set(ids('hipaa'));
  const must = [
    '164.308(a)(1)(i)', '164.308(a)(1)(ii)(A)', '164.308(a)(1)(ii)(B)', '164.308(a)(1)(ii)(C)', '164.308(a)(1)(ii)(D)',
    '164.308(a)(2)', '164.308(a)(3)(i)', '164.308(a)(3)(ii)(A)', '164.308(a)(3)(ii)(B)', '164.308(a)(3)(ii)(C)',
    '164.308(a)(4)(i)', '164.308(a)(4)(ii)(A)', '164.308(a)(4)(ii)(B)', '164.308(a)(4)(ii)(C)',
    '164.308(a)(5)(i)', '164.308(a)(5)(ii)(A)', '164.308(a)(5)(ii)(B)', '164.308(a)(5)(ii)(C)', '164.308(a)(5)(ii)(D)',
    '164.308(a)(6)(i)', '164.308(a)(6)(ii)', '164.308(a)(7)(i)', '164.308(a)(7)(ii)(A)', '164.308(a)(7)(ii)(B)',
    '164.308(a)(7)(ii)(C)', '164.308(a)(7)(ii)(D)', '164.308(a)(7)(ii)(E)', '164.308(a)(8)', '164.308(b)(1)',
    '164.310(a)(1)', '164.310(a)(2)(i)', '164.310(a)(2)(ii)', '164.310(a)(2)(iii)', '164.310(a)(2)(iv)', '164.310(b)', '164.310(c)',
    '164.310(d)(1)', '164.310(d)(2)(i)', '164.310(d)(2)(ii)', '164.310(d)(2)(iii)', '164.310(d)(2)(iv)',
    '164.312(a)(1)', '164.312(a)(2)(i)', '164.312(a)(2)(ii)', '164.312(a)(2)(iii)', '164.312(a)(2)(iv)', '164.312(b)',
    '164.312(c)(1)', '164.312(c)(2)', '164.312(d)', '164.312(e)(1)', '164.312(e)(2)(i)', '164.312(e)(2)(ii)',
    '164.314(a)(1)', '164.314(b)(1)', '164.316(a)', '164.316(b)(1)', '164.316(b)(2)(i)', '164.316(b)(2)(ii)', '164.316(b)(2)(iii)',
    '164.404', '164.406', '164.408', '164.410', '164.412', '164.414',
  ];
  assert.deepEqual(must.filter((id) => !got.has(id)), []);
  const ob = (id: string) => hipaa.requirements.find((r) => r.id === id)?.obligation;
  assert.equal(ob('164.308(a)(1)(ii)(A)'), 'required');
  assert.equal(ob('164.312(a)(2)(iv)'), 'addressable');
  assert.equal(ob('164.312(e)(2)(ii)'), 'addressable');
  assert.equal(ob('164.308(a)(7)(ii)(A)'), 'required');
  assert.equal(hipaa.requirements.find((r) => r.id === '164.312(a)(2)(iv)')?.parent, '164.312(a)(1)');
});

test('GDPR: every article a controller or processor must evidence', () => {
  const arts = [5, 6, ...Array.from({ length: 11 }, (_, i) => 12 + i), 24, 25, 28, 30, 32, 33, 34, 35, 37, 44, 45, 46, 47, 48, 49].map((n) => `Art.${n}`);
  const got = new Set(ids('gdpr'));
  assert.deepEqual(arts.filter((a) => !got.has(a)), []);
  const gdpr = cat('gdpr');
  assert.equal(gdpr.requirements.find((r) => r.id === 'Art.30')?.title, 'Records of processing activities');
  assert.equal(gdpr.requirements.find((r) => r.id === 'Art.32(1)(a)')?.parent, 'Art.32');
});

test('NIST CSF 2.0: every subcategory of the six functions', () => {
  const csf = ids('nist-csf-2.0');
  assert.equal(csf.length, 106);
  assert.deepEqual([...new Set(csf.map((id) => id.slice(0, 2)))].sort(), ['DE', 'GV', 'ID', 'PR', 'RC', 'RS']);
  for (const id of csf) assert.match(id, /^(GV|ID|PR|DE|RS|RC)\.[A-Z]{2}-\d{2}$/);
});

test('NIST SP 800-53 rev5: exactly the moderate baseline of the NIST OSCAL resolved profile, titles as NIST names them', (t) => {
  const nist = cat('nist-800-53-r5-moderate');
  assert.equal(nist.requirements.length, 287);
  const file = join(corpus, 'nist-oscal/NIST_SP-800-53_rev5_MODERATE-baseline-resolved-profile_catalog-min.json');
  if (!existsSync(file)) { t.skip('the shared corpus is not beside the project'); return; }
  type Ctl = { id: string; title: string; controls?: Ctl[] };
  const oscal = readJson(file) as { catalog: { groups: { controls?: Ctl[] }[] } };
  const norm = (id: string) => id.toUpperCase().replace(/\.(\d+)$/, '($1)');
  const expected = new Map<string, string>();
  for (const g of oscal.catalog.groups) for (const c of g.controls ?? []) {
    expected.set(norm(c.id), c.title);
    for (const e of c.controls ?? []) expected.set(norm(e.id), e.title);
  }
  assert.deepEqual([...nist.requirements.map((r) => r.id)].sort(), [...expected.keys()].sort());
  for (const r of nist.requirements) assert.equal(r.title, expected.get(r.id), r.id);
  for (const r of nist.requirements) if (r.id.includes('(')) assert.equal(r.parent, r.id.replace(/\(\d+\)$/, ''), r.id);
});

test('CIS AWS Foundations v5.0.0: every recommendation, by profile level', (t) => {
  const cis = cat('cis-aws-5.0');
  assert.deepEqual(cis.categories!.map((k) => [k.id, k.default]), [['level-1', true], ['level-2', false]]);
  const file = join(corpus, 'prowler-compliance/cis_5.0_aws.json');
  if (!existsSync(file)) { t.skip('the shared corpus is not beside the project'); return; }
  const src = readJson(file) as { Requirements: { Id: string; Attributes: { Profile: string }[] }[] };
  // The source lists recommendation 1.10 as a second "1.1" (its tenth entry, "do not create access keys during initial setup").
  assert.equal(src.Requirements[9]!.Id, '1.1');
  src.Requirements[9]!.Id = '1.10';
  assert.deepEqual(cis.requirements.map((r) => r.id).sort(), src.Requirements.map((r) => r.Id).sort());
  const level = new Map(src.Requirements.map((r) => [r.Id, r.Attributes[0]!.Profile === 'Level 2' ? 'level-2' : 'level-1']));
  for (const r of cis.requirements) assert.equal(r.category, level.get(r.id), r.id);
});

test('a malformed catalog is refused with the field named', () => {
  assert.deepEqual(catalogProblems([]), ['the file is not a JSON object']);
  const ok = { id: 'x', framework: 'x', name: 'X', version: '1', source: 's', licence: 'l' };
  const manual = { attach: 'the policy', attesters: ['security-officer'], validityDays: 365 };
  assert.deepEqual(catalogProblems({
    ...ok,
    requirements: [
      { id: 'R1', title: 'T', summary: 'S', section: 'A', evidence: { controls: [] } },
      { id: 'R1', title: 'T', summary: 'S', section: 'A', evidence: { controls: ['AT-S3-001', 'AT-S3-001'] } },
      { id: 'R2', title: 'T', summary: 'S', section: 'A' },
      { id: 'R3', title: '', summary: 'S', section: 'A', evidence: { manual: { ...manual, attach: ' ' } } },
      { id: 'R4', title: 'T', summary: 'S', section: 'A', evidence: { notApplicable: 'why', manual } },
      { id: 'R5', title: 'T', summary: 'S', section: 'A', evidence: { rule: 'all-pass' } },
      { id: 'R6', title: 'T', summary: 'S', section: 'A', parent: 'R9', obligation: 'maybe', evidence: { manual: { ...manual, validityDays: 0, attesters: [] } } },
    ],
  }), [
    'requirements[0].evidence.controls: a non-empty list of control ids is required when given',
    'requirements[1].id: "R1" appears more than once',
    'requirements[1].evidence.controls: an id is listed more than once',
    'requirements[2].evidence: an evidence rule is required (controls, service, manual, or notApplicable)',
    'requirements[3].title: a non-empty string is required',
    'requirements[3].evidence.manual.attach: what to attach is required',
    'requirements[4].evidence: notApplicable cannot be combined with controls, service or manual evidence',
    'requirements[5].evidence: unknown field "rule"',
    'requirements[5].evidence: needs controls, service, manual, or notApplicable with a reason',
    'requirements[6].obligation: must be "required" or "addressable" when given',
    'requirements[6].evidence.manual.attesters: a non-empty list of role names is required',
    'requirements[6].evidence.manual.validityDays: an integer from 1 to 1096 is required',
    'requirements[6].parent: "R9" is not a requirement of this catalog',
  ]);
  assert.deepEqual(catalogProblems({ ...ok, licence: '', categories: [{ id: 'a', title: 'A', default: false }], requirements: [
    { id: 'R1', title: 'T', summary: 'S', section: 'A', evidence: { manual } },
  ] }), [
    'licence: a non-empty string is required',
    'categories: at least one category must be selected by default',
    "requirements[0].category: one of the catalog's categories is required (a)",
  ]);
});

test('the published package carries every catalog next to the module that reads it', () => {
  // The guard mappings used to be read from src/, which package.json "files" leaves out.
  const r = spawnSync('npm', ['pack', '--dry-run', '--ignore-scripts', '--json'], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const files = new Set((JSON.parse(r.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path));
  assert.deepEqual(CATALOG_FILES.filter((f) => !files.has(`dist/src/frameworks/${f}`)), []);
  assert.ok(files.has('dist/src/frameworks/index.js'));
});
