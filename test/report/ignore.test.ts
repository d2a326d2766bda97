import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { applyIgnores, latestExpiry, parseIgnoreFile, type IgnoreFile } from '../../src/report/ignore.js';
import { buildReport } from '../../src/report/model.js';
import { render } from '../../src/report/index.js';
import { renderJson } from '../../src/report/json.js';
import type { Finding } from '../../src/model/types.js';
import { CONTROLS, FINDINGS, facts, SOURCES } from './fixture.js';

const TODAY = '2025-06-01';
const controls = new Set(CONTROLS.map((c) => c.id));
const parse = (text: string, path = 'infra/.attestignore.yaml') => parseIgnoreFile(text, path, { today: TODAY, controls });

test('latestExpiry: a year ahead, 29 February to 28 February', () => {
  assert.equal(latestExpiry('2025-06-01'), '2026-06-01');
  assert.equal(latestExpiry('2024-02-29'), '2025-02-28');
  assert.equal(latestExpiry('2024-12-31'), '2025-12-31');
});

test('parseIgnoreFile: entries under ignore: or as a bare list, located; an empty file has none', () => {
  const text = 'ignore:\n  - control: AT-S3-001\n    resource: Data*\n    file: "*.yaml"\n    reason: public website bucket (SEC-12)\n    expires: 2026-06-01\n';
  const r = parse(text);
  assert.deepEqual(r.problems, []);
  assert.deepEqual(r.file.entries, [{ control: 'AT-S3-001', resource: 'Data*', file: '*.yaml', reason: 'public website bucket (SEC-12)', expires: '2026-06-01', at: { file: 'infra/.attestignore.yaml', line: 2, column: 5 } }]);
  assert.equal(parse('- control: AT-S3-001\n  reason: r\n  expires: 2025-07-01\n').file.entries.length, 1);
  for (const empty of ['', '# nothing yet\n', 'ignore:\n', 'ignore: []\n']) assert.deepEqual(parse(empty), { file: { path: 'infra/.attestignore.yaml', entries: [] }, problems: [] }, JSON.stringify(empty));
});

test('parseIgnoreFile: every malformed entry is an error at file:line:column naming the field; the well-formed ones are kept', () => {
  const text = [
    'ignore:',
    '  - control: AT-S3-001', //          2: no reason, no expires
    '  - control: AT-S3-001', //          3
    '    reson: typo', //                 4: unknown field
    '    reason: r',
    '    expires: 2030-01-01', //         6: more than a year ahead
    '  - control: AT-NOPE-001', //        7: not a control
    '    reason: r',
    '    expires: 2025-02-30', //         9: not a date
    '  - control: AT-RDS-001',
    '    reason: ""', //                 11: empty reason
    '    expires: 2025-07-01',
    '  - control: AT-RDS-001',
    '    reason: kept',
    '    expires: 2025-07-01',
    '  - just a string', //              16
    '',
  ].join('\n');
  const r = parse(text);
  assert.deepEqual(r.problems, [
    'infra/.attestignore.yaml:2:5: ignore[0].reason: is required (why the finding is accepted)',
    'infra/.attestignore.yaml:2:5: ignore[0].expires: is required (the date it stops applying, at most a year ahead (2026-06-01 at the latest))',
    'infra/.attestignore.yaml:4:5: ignore[1]: unknown field "reson"; the fields are control, resource, file, reason, expires',
    'infra/.attestignore.yaml:6:14: ignore[1].expires: 2030-01-01 is more than a year ahead; an ignore is reviewed at least yearly (2026-06-01 at the latest)',
    'infra/.attestignore.yaml:7:14: ignore[2].control: "AT-NOPE-001" is not a control of this Attest (attest controls lists them)',
    'infra/.attestignore.yaml:9:14: ignore[2].expires: "2025-02-30" is not a date; write it as YYYY-MM-DD, e.g. 2026-06-01',
    'infra/.attestignore.yaml:11:13: ignore[3].reason: must be a non-empty text',
    'infra/.attestignore.yaml:16:5: ignore[5]: an entry is a mapping with control, reason, expires and optionally resource and file',
  ]);
  assert.deepEqual(r.file.entries.map((e) => e.at.line), [13]);
});

test('parseIgnoreFile: YAML errors, duplicate keys, other top-level keys and a non-list are located errors', () => {
  assert.match(parse('ignore: [\n  {control: a\n').problems[0]!, /^infra\/\.attestignore\.yaml:\d+:\d+: /);
  assert.match(parse('ignore:\n  - control: AT-S3-001\n    control: AT-RDS-001\n    reason: r\n    expires: 2025-07-01\n').problems[0]!, /^infra\/\.attestignore\.yaml:3:5: .*unique/);
  assert.deepEqual(parse('ignores:\n  - control: x\n').problems, ['infra/.attestignore.yaml:1:1: unknown top-level key "ignores"; an ignore file has one key, ignore, holding a list of entries']);
  assert.deepEqual(parse('ignore: AT-S3-001\n').problems, ['infra/.attestignore.yaml:1:9: an ignore file holds a list of entries (under ignore:), each with control, reason, expires and optionally resource and file']);
});

const file = (entries: string): IgnoreFile => {
  const r = parse(`ignore:\n${entries}`);
  assert.deepEqual(r.problems, []);
  return r.file;
};
const byId = (fs: Finding[], id: string) => fs.find((f) => f.resource.id === id)!;

test('applyIgnores: matching by control, resource glob and file glob relative to the ignore file; live entries suppress with the reason', () => {
  const f = file([
    '  - { control: AT-S3-001, resource: "Data*", file: "*.yaml", reason: public website (SEC-12), expires: 2025-12-31 }',
    '  - { control: AT-RDS-001, file: "db.json", reason: encrypted by the snapshot copy, expires: 2025-09-01 }',
    '  - { control: AT-NET-001, resource: Other*, reason: not this one, expires: 2025-09-01 }',
  ].join('\n'));
  const { findings, summary } = applyIgnores(FINDINGS, [f], TODAY);
  const data = byId(findings, 'DataBucket');
  assert.equal(data.status, 'suppressed');
  assert.deepEqual(data.suppression, { source: 'ignore-file', reason: 'public website (SEC-12)', expires: '2025-12-31', file: 'infra/.attestignore.yaml', line: 2, column: 5 });
  assert.equal(byId(findings, 'Db').status, 'suppressed', 'unknown findings are suppressed too');
  assert.equal(byId(findings, 'LogBucket').status, 'pass', 'a pass stays a pass');
  assert.equal(findings.find((x) => x.resource.id === 'OpenSg')!.status, 'fail', 'resource glob must match');
  // tf/main.tf is outside infra/, where the ignore file is: its entries do not reach it
  assert.equal(byId(findings, 'aws_s3_bucket.logs').status, 'fail');
  assert.deepEqual(summary, { files: ['infra/.attestignore.yaml'], entries: 3, suppressed: 2, expired: [] });
  // an in-template suppression is kept as it is
  assert.equal(findings.find((x) => x.resource.id === 'AppLogs')!.suppression!.source, 'checkov');
});

test('applyIgnores: an expired entry stops applying, is reported with what it would match, and the finding says so', () => {
  const f = file('  - { control: AT-NET-001, resource: OpenSg, reason: legacy VPN, expires: 2025-05-31 }');
  const { findings, summary } = applyIgnores(FINDINGS, [f], TODAY);
  const sg = findings.find((x) => x.resource.id === 'OpenSg')!;
  assert.equal(sg.status, 'fail');
  assert.equal(sg.suppression!.expired, true);
  assert.match(sg.message, / \(ignore entry at infra\/\.attestignore\.yaml:2 expired on 2025-05-31; it no longer applies\)$/);
  assert.deepEqual(summary.expired, [{ control: 'AT-NET-001', resource: 'OpenSg', reason: 'legacy VPN', expires: '2025-05-31', at: { file: 'infra/.attestignore.yaml', line: 2, column: 5 }, matched: 1 }]);
  // the expiry day itself still applies
  assert.equal(applyIgnores(FINDINGS, [f], '2025-05-31').findings.find((x) => x.resource.id === 'OpenSg')!.status, 'suppressed');
});

test('applyIgnores: file globs — a name anywhere below, a path from the ignore file folder, ** across folders', () => {
  const at = (path: string, glob: string) => {
    const r = parseIgnoreFile(`- { control: AT-S3-001, file: "${glob}", reason: r, expires: 2025-07-01 }\n`, path, { today: TODAY });
    return applyIgnores(FINDINGS, [r.file], TODAY).summary.suppressed;
  };
  assert.equal(at('.attestignore.yaml', 'main.tf'), 1);
  assert.equal(at('.attestignore.yaml', 'tf/*.tf'), 1);
  assert.equal(at('.attestignore.yaml', '**/*.tf'), 1);
  assert.equal(at('.attestignore.yaml', '**'), 2);
  assert.equal(at('.attestignore.yaml', 'infra/*.tf'), 0);
  assert.equal(at('tf/.attestignore.yaml', 'main.tf'), 1);
  assert.equal(at('tf/.attestignore.yaml', 'tf/main.tf'), 0, 'paths are relative to the ignore file folder');
});

test('the report counts what the ignore file suppressed, lists expired entries in every view, and validates', () => {
  const f = file([
    '  - { control: AT-S3-001, resource: DataBucket, reason: public website, expires: 2025-12-31 }',
    '  - { control: AT-NET-001, resource: OpenSg, reason: "legacy <VPN>", expires: 2025-01-31 }',
  ].join('\n'));
  const { findings, summary } = applyIgnores(FINDINGS, [f], TODAY);
  const r = buildReport({ paths: ['infra'], params: {}, failOn: 'high', sources: SOURCES, findings, controls: CONTROLS, facts: facts(), ignores: summary });
  assert.equal(r.summary.byStatus.suppressed, 2);
  assert.match(render(r, 'markdown'), /## Expired ignore entries\n\nThese entries of the ignore file are past their date and no longer apply:\n\n- \[infra\/\.attestignore\.yaml:3\]\(infra\/\.attestignore\.yaml#L3\) `AT-NET-001` \(resource `OpenSg`\), expired 2025-01-31: legacy &lt;VPN&gt; — 1 finding\(s\) no longer suppressed/);
  assert.ok(render(r, 'html').includes('<span class="st st-unknown">EXPIRED</span> <code class="loc">infra/.attestignore.yaml:3:5</code> <code>AT-NET-001</code> (resource <code>OpenSg</code>), expired 2025-01-31: legacy &lt;VPN&gt;'));
  const sarif = JSON.parse(render(r, 'sarif')).runs[0].results as { ruleId: string; suppressions?: { kind: string; justification: string }[] }[];
  assert.deepEqual(sarif.find((x) => x.ruleId === 'AT-S3-001' && x.suppressions)!.suppressions![0]!.kind, 'external');
  const schema = JSON.parse(readFileSync(new URL('../../../schema/report.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T/);
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\S+$/i);
  const validate = ajv.compile(schema);
  assert.ok(validate(JSON.parse(renderJson(r))), JSON.stringify(validate.errors));
});
