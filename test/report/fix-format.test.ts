// A finding's remediation is printed in the vocabulary its resource is written in: a
// Terraform user reads the provider's argument, a CloudFormation user the property, and a
// report over both formats labels each. Real scans of real files, every renderer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONTROLS } from '../../src/controls/index.js';
import { scanPaths } from '../../src/engine/scan.js';
import { buildReport } from '../../src/report/model.js';
import { extractFacts } from '../../src/facts/index.js';
import { fixesFor, terraformShaped } from '../../src/report/digest.js';
import { renderChunks } from '../../src/report/index.js';
import { rankedLines } from '../../src/report/text.js';

const control = CONTROLS.find((c) => c.id === 'AT-RDS-001')!;
const CFN = control.remediation;
const TF = control.remediationTerraform!;

const dir = mkdtempSync(join(tmpdir(), 'attest-fix-'));
mkdirSync(join(dir, 'cfn'));
mkdirSync(join(dir, 'tf'));
writeFileSync(join(dir, 'cfn', 'db.yaml'), 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      StorageEncrypted: false\n');
writeFileSync(join(dir, 'tf', 'main.tf'), 'resource "aws_db_instance" "db" {\n  engine            = "postgres"\n  storage_encrypted = false\n}\n');

function report(paths: string[]) {
  const result = scanPaths(paths.map((p) => join(dir, p)), { controls: [control] });
  return buildReport({ paths, params: {}, failOn: 'high', sources: result.sources, skipped: result.skipped, unevaluated: result.unevaluated, findings: result.findings, controls: CONTROLS, facts: extractFacts(result.graph) });
}
const render = (r: ReturnType<typeof report>, f: Parameters<typeof renderChunks>[1]) => [...renderChunks(r, f)].join('');

test('the control has both texts, and they differ', () => {
  assert.ok(TF && TF !== CFN);
  assert.match(TF, /storage_encrypted = true/);
});

test('which resources speak the Terraform provider schema', () => {
  const at = (sourceType?: string) => ({ type: 'AWS::S3::Bucket', id: 'x', file: 'f', line: 1, ...(sourceType ? { sourceType } : {}) });
  assert.equal(terraformShaped(at('aws_s3_bucket')), true);
  assert.equal(terraformShaped(at('aws:s3/bucketV2:BucketV2')), true, 'Pulumi AWS Classic');
  assert.equal(terraformShaped(at('aws-native:s3:Bucket')), false, 'Pulumi AWS Native speaks CloudFormation');
  assert.equal(terraformShaped(at()), false);
  assert.equal(terraformShaped(at('AWS::Serverless::Function')), false);
});

test('CloudFormation only: the CloudFormation text, unlabelled, everywhere', () => {
  const r = report(['cfn']);
  assert.deepEqual(rankedLines(r).filter((l) => l.includes('fix')), [`      fix: ${CFN}`]);
  const md = render(r, 'markdown');
  assert.ok(md.includes(`**Remediation:** ${CFN.replace(/([\\`*_[\]<>|])/g, '\\$1')}`) || md.includes('**Remediation:** Set StorageEncrypted'), md);
  assert.ok(!md.includes('storage_encrypted = true'));
  assert.ok(render(r, 'csv').includes(CFN));
  assert.equal(JSON.parse(render(r, 'json')).domains.flatMap((d: { controls: { id: string; remediationTerraform?: string }[] }) => d.controls).find((c: { id: string }) => c.id === 'AT-RDS-001').remediationTerraform, TF);
});

test('Terraform only: the Terraform text, labelled as such, in text, Markdown, HTML, CSV and JUnit', () => {
  const r = report(['tf']);
  assert.deepEqual(rankedLines(r).filter((l) => l.includes('fix')), [`      fix (Terraform): ${TF}`]);
  assert.match(render(r, 'markdown'), /\*\*Remediation \(Terraform\):\*\* Set storage\\_encrypted = true/);
  const html = render(r, 'html');
  assert.ok(html.includes('<b>Remediation (Terraform):</b> Set storage_encrypted = true'), 'html');
  assert.ok(!html.includes('<b>Remediation:</b> Set StorageEncrypted'));
  const csv = render(r, 'csv');
  assert.ok(csv.includes('storage_encrypted = true') && !csv.includes('Set StorageEncrypted: true'), csv);
  assert.ok(render(r, 'junit').includes('fix: Set storage_encrypted = true'));
});

test('both formats in one report: each text once, labelled; CSV rows follow their resource; SARIF rule help carries both', () => {
  const r = report(['cfn', 'tf']);
  assert.deepEqual(rankedLines(r).filter((l) => l.includes('fix')), [`      fix (CloudFormation): ${CFN}`, `      fix (Terraform): ${TF}`]);
  const rows = render(r, 'csv').split('\r\n').filter((l) => l.startsWith('AT-RDS-001,fail'));
  assert.equal(rows.length, 2);
  assert.ok(rows.find((l) => l.includes('aws_db_instance.db'))!.includes('storage_encrypted = true'));
  assert.ok(rows.find((l) => l.includes(',Db,'))!.includes('Set StorageEncrypted: true'));
  const sarif = JSON.parse(render(r, 'sarif'));
  const help = sarif.runs[0].tool.driver.rules.find((x: { id: string }) => x.id === 'AT-RDS-001').help.text as string;
  assert.ok(help.includes(`Remediation (CloudFormation): ${CFN}`) && help.includes(`Remediation (Terraform): ${TF}`), help);
  assert.deepEqual(fixesFor({ remediation: 'a' }, r.findings.filter((f) => f.status === 'fail')), [{ text: 'a' }], 'no Terraform text: the one text, unlabelled');
});
