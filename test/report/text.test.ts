import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rankedLines, renderText, unevaluatedLines, warningLines } from '../../src/report/text.js';
import { sampleReport } from './fixture.js';

const report = sampleReport();

test('text: failing controls ranked by severity then count, each with its remediation once', () => {
  const out = renderText(report, { color: false });
  const start = out.indexOf('Failing controls, most severe first:');
  assert.ok(start > 0, out);
  const block = out.slice(start).split('\n\n')[0]!.split('\n');
  assert.match(block[1]!, /^\s+1\. AT-S3-001\s+high\s+×2\s+S3 bucket blocks public access — 2 resource\(s\)$/);
  assert.equal(block[2], '      fix: Set all four PublicAccessBlockConfiguration flags to true <b>now</b>. (https://example.com/controls/AT-S3-001)');
  assert.match(block[3]!, /^\s+2\. AT-NET-001\s+medium\s+×1/);
  assert.match(block[5]!, /^\s+3\. AT-LOG-001\s+low\s+×1/);
  // once per control, however many findings fail
  assert.equal(out.split('fix: Set all four').length - 1, 1);
});

test('text: ranking is cut at max with a pointer to the full report', () => {
  const lines = rankedLines(report, undefined, 1);
  assert.ok(lines.some((l) => l === '  … and 2 more failing control(s) (see --format markdown/html)'), lines.join('\n'));
  assert.deepEqual(rankedLines({ ...report, findings: report.findings.filter((f) => f.status !== 'fail') }), []);
});

test('text: resources no control evaluates and types not translated, per format', () => {
  const out = renderText(report, { color: false });
  assert.ok(out.includes('Resources no control evaluates (4): AWS::Route53::HostedZone ×3, AWS::SSM::Parameter (aws_ssm_parameter) ×1\n'), out);
  assert.ok(out.includes('Not translated from Terraform (2): aws_foo ×2\n'));
  assert.ok(out.includes('Not translated from Pulumi (1): aws:foo/bar:Bar ×1\n'));
  const many = Array.from({ length: 15 }, (_, i) => ({ type: `AWS::T${String(i).padStart(2, '0')}::X`, count: 1, reason: 'no-control' as const }));
  assert.match(unevaluatedLines({ unevaluated: many })[0]!, /, … and 3 more type\(s\)$/);
  assert.deepEqual(unevaluatedLines({ unevaluated: [] }), []);
});

test('text: source warnings listed with file:line:column, apart from input errors', () => {
  const out = renderText(report, { color: false });
  assert.ok(out.includes('Warnings (1) — read, but not evaluated faithfully:\n  tf/main.tf:20:1: module "vpc" comes from a registry source; its resources are not scanned\n'), out);
  assert.deepEqual(warningLines([{ file: 'a', warnings: [{ line: 0, column: 0, message: 'about the path' }] }]), ['  a: about the path']);
});

test('text: a gap names the resource type and property as written in a non-CloudFormation source', () => {
  const out = renderText(report, { color: false });
  assert.ok(out.includes('AT-S3-001 aws_s3_bucket.logs (aws_s3_bucket): block_public_acls is false\n       at tf/main.tf:9:3 (aws_s3_bucket_public_access_block.logs.block_public_acls)\n'), out);
});

test('text: colour codes only when asked for', () => {
  assert.doesNotMatch(renderText(report, { color: false }), /\x1b\[/);
  assert.match(renderText(report, { color: true }), /\x1b\[31mFAIL\x1b\[0m/);
});
