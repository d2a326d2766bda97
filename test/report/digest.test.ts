import { test } from 'node:test';
import assert from 'node:assert/strict';
import { failingControls, formatOfType, originAt, typeText, unevaluatedGroups } from '../../src/report/digest.js';
import { buildReport } from '../../src/report/model.js';
import { CONTROLS, FINDINGS, facts, sampleReport } from './fixture.js';

test('failingControls: most severe first, then most failures; counts findings and distinct resources; remediation from the catalog', () => {
  const r = sampleReport();
  const ranked = failingControls(r);
  assert.deepEqual(ranked.map((c) => [c.id, c.severity, c.count, c.resources]), [
    ['AT-S3-001', 'high', 2, 2],
    ['AT-NET-001', 'medium', 1, 1],
    ['AT-LOG-001', 'low', 1, 1],
  ]);
  assert.equal(ranked[0]!.remediation, 'Set all four PublicAccessBlockConfiguration flags to true <b>now</b>.');
  assert.equal(ranked[0]!.helpUri, 'https://example.com/controls/AT-S3-001');
  // a documentation link that is not http(s) is never carried into the report
  assert.equal(ranked[1]!.helpUri, undefined);
  // unknown (AT-RDS-001, critical) is not a failure and is not ranked
  assert.ok(!ranked.some((c) => c.id === 'AT-RDS-001'));
});

test('failingControls: at equal severity the control with more failures ranks first; ties by id; baseline-accepted counted', () => {
  const r = sampleReport();
  const base = r.findings.find((f) => f.controlId === 'AT-NET-001' && f.status === 'fail')!;
  const more = [1, 2, 3].map((i) => ({ ...base, controlId: 'AT-ZZZ-001', resource: { ...base.resource, id: `Sg${i}` }, baseline: i === 1 ? 'unchanged' as const : 'new' as const }));
  const one = { ...base, controlId: 'AT-AAA-001' };
  const ranked = failingControls({ ...r, findings: [...r.findings, ...more, one] });
  const medium = ranked.filter((c) => c.severity === 'medium').map((c) => [c.id, c.count, c.accepted]);
  assert.deepEqual(medium, [['AT-ZZZ-001', 3, 1], ['AT-AAA-001', 1, 0], ['AT-NET-001', 1, 0]]);
  // a control missing from the catalog still ranks, without remediation
  assert.equal(ranked.find((c) => c.id === 'AT-ZZZ-001')!.remediation, '');
});

test('unevaluatedGroups: no-control first, then untranslated per source format, most numerous first', () => {
  const groups = unevaluatedGroups(sampleReport().unevaluated);
  assert.deepEqual(groups.map((g) => [g.heading, g.total, g.entries.map((e) => `${e.label} ×${e.count}`)]), [
    ['Resources no control evaluates', 4, ['AWS::Route53::HostedZone ×3', 'AWS::SSM::Parameter (aws_ssm_parameter) ×1']],
    ['Not translated from Pulumi', 1, ['aws:foo/bar:Bar ×1']],
    ['Not translated from Terraform', 2, ['aws_foo ×2']],
  ]);
  assert.deepEqual(unevaluatedGroups([]), []);
  assert.equal(unevaluatedGroups([{ type: 'Weird Type', count: 1, reason: 'not-translated' }])[0]!.heading, 'Not translated from their source format');
});

test('formatOfType tells Terraform and Pulumi types by shape only', () => {
  assert.equal(formatOfType('aws_s3_bucket'), 'Terraform');
  assert.equal(formatOfType('aws:s3/bucketV2:BucketV2'), 'Pulumi');
  assert.equal(formatOfType('AWS::S3::Bucket'), undefined);
});

test('typeText and originAt: the type and property as the user wrote them', () => {
  assert.equal(typeText({ type: 'AWS::S3::Bucket', id: 'b', file: 'f', line: 1, sourceType: 'aws_s3_bucket' }), 'aws_s3_bucket → AWS::S3::Bucket');
  assert.equal(typeText({ type: 'AWS::S3::Bucket', id: 'b', file: 'f', line: 1 }), 'AWS::S3::Bucket');
  const ev = (line: number, origin?: string) => ({ path: 'Properties.X', value: 'v', file: 'a.tf', line, column: 1, ...(origin ? { origin } : {}) });
  // the evidence at the deciding location wins over an earlier one elsewhere
  assert.equal(originAt({ location: { file: 'a.tf', line: 5, column: 1 }, evidence: [ev(2, 'x.first'), ev(5, 'x.decides')] }), 'x.decides');
  assert.equal(originAt({ location: { file: 'a.tf', line: 9, column: 1 }, evidence: [ev(2, 'x.first')] }), 'x.first');
  assert.equal(originAt({ location: { file: 'a.yaml', line: 9, column: 1 }, evidence: [ev(2)] }), undefined);
});

test('report model: the gap carries the origin of the deciding property; sources carry warnings; summary counts them', () => {
  const r = sampleReport();
  const gap = r.domains.find((d) => d.id === 'data-protection')!.gaps.find((g) => g.resource.id === 'aws_s3_bucket.logs')!;
  assert.equal(gap.origin, 'aws_s3_bucket_public_access_block.logs.block_public_acls');
  assert.equal(gap.resource.sourceType, 'aws_s3_bucket');
  assert.equal(r.summary.sourceWarnings, 1);
  // the source is the module folder; the warning keeps the file inside it where it was found
  assert.deepEqual(r.sources.find((s) => s.file === 'tf')!.warnings, [{ file: 'tf/main.tf', line: 20, column: 1, message: 'module "vpc" comes from a registry source; its resources are not scanned' }]);
  assert.deepEqual(r.sources.find((s) => s.file === 'infra/broken.yaml')!.errors[0], { line: 3, column: 5, message: 'bad indentation of a mapping entry <here> & "there"' });
  assert.equal(r.sources.find((s) => s.file === 'infra/app.yaml')!.warnings, undefined, 'only sources with warnings carry the list');
  // warnings alone do not fail the run
  const warnedOnly = buildReport({
    paths: ['tf'], params: {}, failOn: 'high', findings: FINDINGS.filter((f) => f.status === 'pass'), controls: CONTROLS, facts: facts(),
    sources: [{ file: 'tf', format: 'terraform', resources: 1, errors: [], warnings: [{ file: 'tf/main.tf', line: 1, column: 1, message: 'w' }] }],
  });
  assert.equal(warnedOnly.summary.sourceWarnings, 1);
  assert.equal(warnedOnly.summary.exitCode, 0);
});
