import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultExtension, FORMATS, render } from '../../src/report/index.js';
import { csvCell } from '../../src/report/csv.js';
import { mdCell, mdCode, humanize } from '../../src/report/markdown.js';
import { xmlAttr, xmlText } from '../../src/report/junit.js';
import { artifactLocation } from '../../src/report/sarif.js';
import { sampleReport, FINDINGS } from './fixture.js';

const report = sampleReport();

// ------------------------------------------------------------------ index

test('index: every format renders, ends with a newline, and has an extension', () => {
  assert.deepEqual(FORMATS, ['json', 'sarif', 'junit', 'csv', 'markdown', 'html']);
  for (const f of FORMATS) {
    const out = render(report, f);
    assert.ok(out.length > 100 && out.endsWith('\n'), f);
    assert.match(defaultExtension(f), /^\.[a-z]+$/);
  }
  assert.equal(defaultExtension('junit'), '.xml');
  assert.equal(defaultExtension('markdown'), '.md');
});

// ------------------------------------------------------------------ SARIF

interface SarifResult {
  ruleId: string; ruleIndex: number; level: string; message: { text: string }; kind?: string;
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number } } }[];
  partialFingerprints: Record<string, string>; suppressions?: { kind: string; justification: string }[]; properties: { resource: unknown; evidence: unknown[] };
}
interface SarifRule { id: string; name: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string; markdown: string }; properties: { tags: string[]; 'security-severity': string }; defaultConfiguration: { level: string } }
interface Sarif {
  $schema: string; version: string;
  runs: { tool: { driver: { name: string; version: string; informationUri: string; rules: SarifRule[] } }; results: SarifResult[]; invocations: { executionSuccessful: boolean; toolExecutionNotifications: { level: string; message: { text: string }; locations: SarifResult['locations'] }[] }[] }[];
}

test('sarif: 2.1.0 structure, results = fail + unknown + suppressed, rules referenced by index exist', () => {
  const s = JSON.parse(render(report, 'sarif')) as Sarif;
  assert.equal(s.version, '2.1.0');
  assert.equal(s.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
  assert.equal(s.runs.length, 1);
  const run = s.runs[0]!;
  assert.equal(run.tool.driver.name, 'Attest');
  assert.equal(run.tool.driver.version, report.tool.version);
  const b = report.summary.byStatus;
  assert.equal(run.results.length, b.fail + b.unknown + b.suppressed);
  const ruleIds = run.tool.driver.rules.map((r) => r.id);
  assert.deepEqual(ruleIds, [...new Set(FINDINGS.map((f) => f.controlId))].sort());
  for (const res of run.results) {
    const rule = run.tool.driver.rules[res.ruleIndex];
    assert.ok(rule, `rule ${res.ruleIndex}`);
    assert.equal(rule.id, res.ruleId);
    const region = res.locations[0]!.physicalLocation.region;
    assert.ok(region.startLine >= 1 && region.startColumn >= 1);
    assert.match(Object.values(res.partialFingerprints)[0]!, /^[0-9a-f]{64}:\d+$/);
    assert.ok(['error', 'warning', 'note'].includes(res.level));
    assert.ok(res.message.text.length > 0);
  }
  for (const rule of run.tool.driver.rules) {
    assert.match(rule.properties['security-severity'], /^\d+\.\d$/);
    assert.ok(rule.properties.tags.length >= 1);
    assert.ok(rule.help.text && rule.help.markdown && rule.shortDescription.text && rule.fullDescription.text);
  }
});

test('sarif: levels, suppressions, locations and notifications', () => {
  const run = (JSON.parse(render(report, 'sarif')) as Sarif).runs[0]!;
  const byRes = (id: string) => run.results.find((r) => (r.properties.resource as { id: string }).id === id)!;
  assert.equal(byRes('DataBucket').level, 'error');      // fail, high
  assert.equal(byRes('OpenSg').level, 'warning');        // fail, medium
  assert.equal(byRes('OldLogs').level, 'note');          // fail, low
  assert.equal(byRes('Db').level, 'note');               // unknown
  assert.match(byRes('Db').message.text, /EncryptDb/);
  assert.equal(byRes('DataBucket').suppressions, undefined);
  assert.equal(byRes('OldLogs').suppressions, undefined); // expired suppression does not apply
  const supp = byRes('AppLogs').suppressions!;
  assert.equal(supp[0]!.kind, 'inSource');
  assert.match(supp[0]!.justification, /legal hold/);
  assert.equal(run.results.some((r) => ['LogBucket', 'Sg'].includes((r.properties.resource as { id: string }).id)), false);
  const loc = byRes('OldLogs').locations[0]!.physicalLocation;
  assert.deepEqual(loc.artifactLocation, { uri: 'infra/win%20path/old.yaml', uriBaseId: '%SRCROOT%' });
  assert.deepEqual(loc.region, { startLine: 1, startColumn: 1 });
  assert.equal(run.tool.driver.rules.find((r) => r.id === 'AT-RDS-001')!.properties['security-severity'], '9.5');
  const inv = run.invocations[0]!;
  assert.equal(inv.executionSuccessful, false);
  assert.equal(inv.toolExecutionNotifications.length, 2);
  assert.equal(inv.toolExecutionNotifications[0]!.level, 'error');
  assert.equal(inv.toolExecutionNotifications[1]!.locations[0]!.physicalLocation.region.startLine, 1);
  // fingerprints are stable and distinct per (control, file, resource)
  const again = (JSON.parse(render(report, 'sarif')) as Sarif).runs[0]!;
  assert.deepEqual(again.results.map((r) => r.partialFingerprints), run.results.map((r) => r.partialFingerprints));
  assert.equal(new Set(run.results.map((r) => r.partialFingerprints.primaryLocationLineHash)).size, run.results.length);
});

test('sarif: artifact locations', () => {
  assert.deepEqual(artifactLocation('./a/b c.yaml'), { uri: 'a/b%20c.yaml', uriBaseId: '%SRCROOT%' });
  assert.deepEqual(artifactLocation('a\\b.yaml'), { uri: 'a/b.yaml', uriBaseId: '%SRCROOT%' });
  assert.equal(artifactLocation('/abs/t.yaml').uri, 'file:///abs/t.yaml');
  assert.equal(artifactLocation('/abs/t.yaml').uriBaseId, undefined);
});

test('sarif: a clean report has executionSuccessful true and no results', () => {
  const clean = { ...report, findings: report.findings.filter((f) => f.status === 'pass'), sources: report.sources.filter((s) => !s.errors.length) };
  const run = (JSON.parse(render(clean, 'sarif')) as Sarif).runs[0]!;
  assert.equal(run.results.length, 0);
  assert.equal(run.invocations[0]!.executionSuccessful, true);
  assert.deepEqual(run.invocations[0]!.toolExecutionNotifications, []);
});

// ------------------------------------------------------------------ JUnit

/** Minimal well-formedness check: every tag closes in order, no raw & or < in text. */
function assertWellFormed(xml: string): void {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  const re = /<(\/?)([A-Za-z][\w.-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) {
    const between = body.slice(last, m.index);
    assert.doesNotMatch(between, /<|&(?!(amp|lt|gt|quot|apos|#\d+);)/, `stray markup before ${m[0]}`);
    last = re.lastIndex;
    if (m[1]) assert.equal(stack.pop(), m[2], `closing ${m[2]}`);
    else if (!m[4]) stack.push(m[2]!);
    for (const a of m[3]!.matchAll(/="([^"]*)"/g)) assert.doesNotMatch(a[1]!, /[<>]|&(?!(amp|lt|gt|quot|apos|#\d+);)/);
  }
  assert.equal(body.slice(last).trim(), '');
  assert.deepEqual(stack, []);
  // eslint-disable-next-line no-control-regex
  assert.doesNotMatch(xml, /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
}

test('junit: suites per domain plus sources, correct counts, well-formed', () => {
  const xml = render(report, 'junit');
  assertWellFormed(xml);
  assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites /);
  const b = report.summary.byStatus;
  const total = report.findings.length + report.summary.sourceErrors;
  assert.match(xml, new RegExp(`<testsuites name="Attest [^"]*" tests="${total}" failures="${b.fail}" errors="2" skipped="${b.unknown + b.suppressed + b.not_applicable}"`));
  for (const d of report.domains) assert.match(xml, new RegExp(`<testsuite name="${d.id}" tests="${report.findings.filter((f) => f.domain === d.id).length}"`));
  assert.match(xml, /<testsuite name="data-protection" tests="4" failures="2" errors="0" skipped="1"/);
  assert.match(xml, /<testsuite name="sources" tests="2" failures="0" errors="2" skipped="0"/);
  assert.match(xml, /<testcase classname="AT-S3-001" name="DataBucket \(infra\/app\.yaml:12\)"/);
  assert.match(xml, /<failure message="PublicAccessBlockConfiguration is not set, so &lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; &quot;quotes&quot;[^"]*" type="high">/);
  assert.match(xml, /<skipped message="unknown: StorageEncrypted depends on parameter EncryptDb/);
  assert.match(xml, /<skipped message="suppressed: kept forever by legal hold/);
  assert.match(xml, /<skipped message="not applicable: no ingress rules"\/>/);
  assert.match(xml, /<error message="bad indentation of a mapping entry &lt;here&gt; &amp; &quot;there&quot;" type="SourceError">/);
  assert.match(xml, /Properties\.PublicAccessBlockConfiguration = \(not set\) at infra\/app\.yaml:12:3 \(defaults to no block\)/);
  // A failure says how to fix it, and names the resource and property as written in Terraform.
  assert.match(xml, /fix: Set all four PublicAccessBlockConfiguration flags to true &lt;b&gt;now&lt;\/b&gt;\./);
  assert.match(xml, /aws_s3_bucket → AWS::S3::Bucket aws_s3_bucket\.logs: block_public_acls is false/);
  assert.match(xml, /= false at tf\/main\.tf:9:3 \[aws_s3_bucket_public_access_block\.logs\.block_public_acls\]/);
});

test('junit: escaping helpers', () => {
  assert.equal(xmlText(`a & b < c > d " e ' f`), 'a &amp; b &lt; c &gt; d &quot; e &apos; f');
  assert.equal(xmlText('x\u0000y\u0007z\u001Fw\uFFFE'), 'xyzw');
  assert.equal(xmlText('ok \u{1F600} \t\n'), 'ok \u{1F600} \t\n');
  assert.equal(xmlText('lone \uD800 surrogate'), 'lone  surrogate');
  assert.equal(xmlAttr('a\nb\tc'), 'a&#10;b&#9;c');
});

// ------------------------------------------------------------------ CSV

/** RFC 4180 parser, enough to check the output round-trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (q) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') q = false; else cell += c;
    } else if (c === '"') q = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += c;
  }
  assert.equal(q, false);
  assert.equal(cell, '');
  return rows;
}

test('csv: header, CRLF, one row per finding, quoting round-trips', () => {
  const csv = render(report, 'csv');
  assert.ok(csv.startsWith('controlId,status,severity,domain,title,resourceType,resourceId,file,line,column,message,evidence,checkov,trivy,cfn_nag,cdk_nag,frameworks,resourceSourceType,remediation,baseline\r\n'));
  assert.ok(csv.endsWith('\r\n'));
  assert.doesNotMatch(csv.replace(/"[^"]*(?:""[^"]*)*"/g, ''), /(?<!\r)\n/, 'bare LF only inside quoted cells');
  const rows = parseCsv(csv);
  assert.equal(rows.length, report.findings.length + 1);
  assert.ok(rows.every((r) => r.length === 20));
  const data = rows.find((r) => r[6] === 'DataBucket')!;
  assert.equal(data[10], FINDINGS[0]!.message);
  assert.equal(data[12], 'CKV_AWS_53 CKV_AWS_54');
  assert.equal(data[16], 'nist-800-53-rev5:AC-3,AC-4; soc2-tsc-2017:CC6.1');
  assert.match(csv, /"PublicAccessBlockConfiguration is not set, so <script>alert\(1\)<\/script> & ""quotes"" \| pipes, commas can be public"/);
  const old = rows.find((r) => r[6] === 'OldLogs')!;
  assert.match(old[11]!, /^Properties\.RetentionInDays=line1\nline2/);
  // remediation only on failing rows (a pass with "how to fix" would read as a gap); a formula-like one is neutralised
  assert.equal(data[18], 'Set all four PublicAccessBlockConfiguration flags to true <b>now</b>.');
  assert.equal(rows.find((r) => r[6] === 'LogBucket')![18], '');
  assert.equal(old[18], "'=Set RetentionInDays, e.g. 365.");
  const tf = rows.find((r) => r[6] === 'aws_s3_bucket.logs')!;
  assert.equal(tf[17], 'aws_s3_bucket');
  assert.match(tf[11]!, /@ tf\/main\.tf:9:3 \[aws_s3_bucket_public_access_block\.logs\.block_public_acls\]/);
  assert.equal(data[17], '');
  assert.equal(data[19], '', 'no baseline column value without a baseline');
});

test('csv: formula injection is neutralised', () => {
  const rows = parseCsv(render(report, 'csv'));
  assert.equal(rows.find((r) => r[6] === 'OldLogs')![10]!.slice(0, 12), `'=HYPERLINK(`);
  assert.equal(rows.find((r) => r[6] === 'OpenSg')![10], `'-1 all traffic open @ 0.0.0.0/0`);
  for (const [inp, out] of [['=1+2', `'=1+2`], ['+x', `'+x`], ['-x', `'-x`], ['@SUM(A1)', `'@SUM(A1)`], ['\tx', `'\tx`], ['a=b', 'a=b'], ['=a,b', `"'=a,b"`], ['say "hi"', '"say ""hi"""'], ['', '']] as const) {
    assert.equal(csvCell(inp), out, inp);
  }
  assert.equal(csvCell(-1), '-1');
});

// ------------------------------------------------------------------ Markdown

test('markdown: structure, pipes escaped in table cells, gaps link to file:line', () => {
  const md = render(report, 'markdown');
  assert.match(md, /^# Attest compliance report\n/);
  assert.ok(md.includes(report.disclaimer));
  assert.match(md, /^## Summary$/m);
  for (const d of report.domains) assert.ok(md.includes(`## ${d.title}`), d.title);
  assert.match(md, /^## Input errors$/m);
  assert.ok(md.includes('| Key | Resources | Defined at |') || md.includes('| Key | Resources |'));
  assert.ok(md.includes('| Cost\\|Center | 1 |'), 'pipe in a fact table cell is escaped');
  assert.ok(md.includes('alias/app\\|data'));
  assert.ok(md.includes('[infra/app.yaml:12](infra/app.yaml#L12)'));
  assert.ok(md.includes('[infra/db.json:44](infra/db.json#L44)'));
  assert.ok(md.includes('&lt;script&gt;'), 'HTML in messages is escaped');
  assert.ok(!md.includes('<script>'));
  // every table row has the same number of unescaped pipes as its header
  const lines = md.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^\| .* \|$/.test(lines[i]!) || !/^\| -/.test(lines[i + 1] ?? '') && !/^\| ---/.test(lines[i + 1] ?? '')) continue;
    const cols = (l: string) => l.replace(/\\\|/g, '').split('|').length;
    const n = cols(lines[i]!);
    for (let j = i + 2; j < lines.length && lines[j]!.startsWith('|'); j++) assert.equal(cols(lines[j]!), n, lines[j]);
  }
});

test('markdown and html list the skipped files with their reason, escaped, sorted by file', () => {
  const md = render(report, 'markdown');
  assert.ok(md.includes([
    '## Skipped files', '', '2 candidate file(s) found in the scanned folders were not scanned:', '',
    '- `infra/<b>|odd.yaml`: symbolic link to infra/app.yaml, already scanned',
    '- `infra/notes.yaml`: not a CloudFormation template: no Resources with AWS:: types', '',
  ].join('\n')), md.slice(md.indexOf('## Skipped')));
  const html = render(report, 'html');
  assert.ok(html.includes([
    '<h2 id="skipped-files">Skipped files</h2>', '<p>2 candidate file(s) found in the scanned folders were not scanned:</p>',
    '<ul class="gaps"><li><code>infra/&lt;b&gt;|odd.yaml</code>: symbolic link to infra/app.yaml, already scanned</li>',
    '<li><code>infra/notes.yaml</code>: not a CloudFormation template: no Resources with AWS:: types</li></ul>',
  ].join('\n')));
  const none = { ...report, skipped: [] };
  assert.ok(!render(none, 'markdown').includes('Skipped files') && !render(none, 'html').includes('Skipped files'));
});

test('markdown: cell and code escaping', () => {
  assert.equal(mdCell('a|b\nc'), 'a\\|b<br>c');
  assert.equal(mdCell('<b>*x*</b>'), '&lt;b&gt;\\*x\\*&lt;/b&gt;');
  assert.equal(mdCode('a|b', true), '`a\\|b`');
  assert.equal(mdCode('x`y'), '``x`y``');
  assert.equal(humanize('userPools'), 'User pools');
  assert.equal(humanize('kmsKey'), 'KMS key');
  assert.equal(humanize('multiAZ'), 'Multi AZ');
});

// ------------------------------------------------------------------ HTML

test('html: self-contained, everything escaped, no external URLs', () => {
  const html = render(report, 'html');
  assert.match(html, /^<!DOCTYPE html>\n<html lang="en">/);
  assert.ok(html.trimEnd().endsWith('</html>'));
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;'));
  assert.doesNotMatch(html, /<script/i);
  assert.doesNotMatch(html, /<link\b|<img\b|<iframe\b|@import|url\(/i);
  for (const m of html.matchAll(/\s(?:src|href)\s*=\s*"([^"]*)"/gi)) assert.match(m[1]!, /^#[\w-]+$/, `internal anchor only: ${m[1]}`);
  assert.ok(html.includes('<style>'));
  for (const d of report.domains) assert.ok(html.includes(`<details class="domain" id="domain-${d.id}"`), d.id);
  // status colour always comes with a text label
  for (const m of html.matchAll(/<span class="st st-(\w+)">([^<]*)<\/span>/g)) assert.ok(m[2]!.trim().length > 0, m[1]);
  assert.match(html, /<span class="st st-fail">FAIL<\/span>/);
  assert.match(html, /<span class="st st-unknown">UNKNOWN<\/span>/);
  assert.ok(html.includes('Input errors'));
  assert.ok(html.includes('bad indentation of a mapping entry &lt;here&gt; &amp; &quot;there&quot;'));
  assert.match(html, /@media print/);
});

test('html: hostile strings in facts, titles and file names are escaped', () => {
  const r = structuredClone(report);
  r.domains[0]!.facts = { '<k>': [{ id: '<img src=x onerror=alert(1)>', file: '"><script>x</script>', line: 1, v: "it's" }] };
  r.findings[0]!.title = '</summary><script>alert(2)</script>';
  r.sources[0]!.file = '<x>';
  const html = render(r, 'html');
  assert.doesNotMatch(html, /<script|<img/i);
  assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
  assert.ok(html.includes('it&#39;s'));
});
