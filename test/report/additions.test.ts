// What reports 1.1.0 added, in every renderer: unevaluated resources, source warnings,
// the type and property as written in a non-CloudFormation source, and remediation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from '../../src/report/index.js';
import { sampleReport } from './fixture.js';

const report = sampleReport();

test('markdown: failing controls ranked with remediation, not-evaluated tables, source warnings, origin and source type', () => {
  const md = render(report, 'markdown');
  assert.ok(md.includes('### Failing controls'));
  const section = md.slice(md.indexOf('### Failing controls'), md.indexOf('| Domain |'));
  const rows = section.split('\n').filter((l) => /^\| `AT-/.test(l));
  assert.deepEqual(rows.map((l) => l.split(' | ')[0]), ['| `AT-S3-001`', '| `AT-NET-001`', '| `AT-LOG-001`']);
  assert.ok(rows[0]!.includes('Set all four PublicAccessBlockConfiguration flags to true &lt;b&gt;now&lt;/b&gt;.'), rows[0]);
  // remediation once under the control's evidence, with its documentation page
  assert.equal(md.split('**Remediation:** Set all four').length - 1, 1);
  assert.ok(md.includes('([documentation](https://example.com/controls/AT-S3-001))'));
  // a non-http documentation link is never written
  assert.doesNotMatch(md, /javascript:/);
  assert.ok(md.includes('## Not evaluated'));
  assert.ok(md.includes('**Resources no control evaluates** (4)'));
  assert.ok(md.includes('| `AWS::Route53::HostedZone` | 3 |'));
  assert.ok(md.includes('**Not translated from Terraform** (2)'));
  assert.ok(md.includes('## Source warnings'));
  assert.ok(md.includes('- [tf/main.tf:20](tf/main.tf#L20) (column 1): module "vpc" comes from a registry source; its resources are not scanned'));
  assert.ok(md.includes('`aws_s3_bucket.logs` (`aws_s3_bucket`)'));
  assert.ok(md.includes(', written as `aws_s3_bucket_public_access_block.logs.block_public_acls`'));
  assert.ok(md.includes('(aws\\_s3\\_bucket → AWS::S3::Bucket)'), 'the gap names the type as written');
});

test('html: the same additions, escaped, with no link leaving the report', () => {
  const html = render(report, 'html');
  assert.ok(html.includes('<h3>Failing controls</h3>'));
  assert.ok(html.includes('<p class="fix"><b>Remediation:</b> Set all four PublicAccessBlockConfiguration flags to true &lt;b&gt;now&lt;/b&gt;. (documentation: <code>https://example.com/controls/AT-S3-001</code>)</p>'));
  assert.equal(html.split('<p class="fix">').length - 1, 3, 'once per failing control');
  assert.ok(html.includes('<h2 id="not-evaluated">Not evaluated</h2>'));
  assert.ok(html.includes('<h4>Not translated from Terraform (2)</h4>'));
  assert.ok(html.includes('<h2 id="source-warnings">Source warnings</h2>'));
  assert.ok(html.includes('<code class="loc">tf/main.tf:20:1</code>: module &quot;vpc&quot; comes from a registry source'));
  assert.ok(html.includes(', written as <code>aws_s3_bucket_public_access_block.logs.block_public_acls</code>'));
  assert.ok(html.includes('<code>aws_s3_bucket.logs</code> (<code>aws_s3_bucket</code>)'));
  for (const m of html.matchAll(/\shref\s*=\s*"([^"]*)"/gi)) assert.match(m[1]!, /^#[\w-]+$/);
});

interface Rule { id: string; helpUri?: string; help: { text: string; markdown: string } }
interface Result { ruleId: string; message: { text: string }; properties: { resource: { sourceType?: string }; evidence: { origin?: string }[] } }

test('sarif: rule help carries the remediation (text and markdown) and helpUri when the control has an http(s) page; results keep source type and origin', () => {
  const run = JSON.parse(render(report, 'sarif')).runs[0] as { tool: { driver: { rules: Rule[] } }; results: Result[] };
  const rules = new Map(run.tool.driver.rules.map((r) => [r.id, r]));
  const s3 = rules.get('AT-S3-001')!;
  assert.equal(s3.helpUri, 'https://example.com/controls/AT-S3-001');
  assert.match(s3.help.text, /\n\nRemediation: Set all four PublicAccessBlockConfiguration flags to true <b>now<\/b>\.\n/);
  assert.match(s3.help.markdown, /\*\*Remediation:\*\* Set all four PublicAccessBlockConfiguration flags to true \\<b\\>now\\<\/b\\>\./);
  assert.equal(rules.get('AT-NET-001')!.helpUri, undefined, 'javascript: is not a documentation page');
  assert.match(rules.get('AT-RDS-001')!.help.text, /Remediation: Set StorageEncrypted: true\./);
  const tf = run.results.find((r) => r.message.text.startsWith('aws_s3_bucket.logs'))!;
  assert.equal(tf.message.text, 'aws_s3_bucket.logs (aws_s3_bucket → AWS::S3::Bucket): block_public_acls is false');
  assert.equal(tf.properties.resource.sourceType, 'aws_s3_bucket');
  assert.equal(tf.properties.evidence[0]!.origin, 'aws_s3_bucket_public_access_block.logs.block_public_acls');
});

test('json: unevaluated, warnings, origin, sourceType and remediation are serialised', () => {
  const j = JSON.parse(render(report, 'json'));
  assert.equal(j.schemaVersion, '1.2.0');
  assert.deepEqual(j.unevaluated[0], { type: 'AWS::Route53::HostedZone', count: 3, reason: 'no-control' });
  assert.equal(j.summary.sourceWarnings, 1);
  const f = j.findings.find((x: { resource: { id: string } }) => x.resource.id === 'aws_s3_bucket.logs');
  assert.equal(f.resource.sourceType, 'aws_s3_bucket');
  assert.equal(f.evidence[0].origin, 'aws_s3_bucket_public_access_block.logs.block_public_acls');
  const c = j.domains.find((d: { id: string }) => d.id === 'data-protection').controls.find((x: { id: string }) => x.id === 'AT-S3-001');
  assert.equal(c.remediation, 'Set all four PublicAccessBlockConfiguration flags to true <b>now</b>.');
  assert.equal(c.helpUri, 'https://example.com/controls/AT-S3-001');
});
