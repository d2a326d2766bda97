import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import kmsFullAccessRootOnly from '../../../../src/controls/data-protection/kmsKeyPolicyFullAccessRootOnly.js';
import { scanPaths } from '../../../../src/engine/scan.js';
import type { Value } from '../../../../src/model/types.js';
import { loadTerraformModule } from '../../../../src/sources/terraform/module.js';

function load(main: string, vars: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'attest-tf-pseudo-'));
  writeFileSync(join(dir, 'main.tf'), main);
  const m = loadTerraformModule(dir, [join(dir, 'main.tf')], { vars });
  const r = (address: string) => m.resources.find((x) => x.address === address)!;
  const get = (address: string, key: string): Value => r(address).values.props.get(key)!;
  return { dir, m, get };
}

const DATA = 'data "aws_caller_identity" "current" {}\ndata "aws_partition" "current" {}\ndata "aws_region" "current" {}\n';

test('caller identity, partition and region read as the CloudFormation pseudo parameters, so a policy naming the account stays a document', () => {
  const { m, get } = load(DATA + [
    'resource "aws_kms_key" "k" {',
    '  policy = jsonencode({',
    '    Statement = [{',
    '      Principal = { AWS = "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root" }',
    '      Resource  = "arn:aws:logs:${data.aws_region.current.name}:${data.aws_caller_identity.current.id}:*"',
    '    }]',
    '  })',
    '  account = data.aws_caller_identity.current.account_id',
    '  suffix  = data.aws_partition.current.dns_suffix',
    '  caller  = data.aws_caller_identity.current.arn',
    '}',
  ].join('\n'));
  assert.deepEqual(m.errors, []);
  const policy = get('aws_kms_key.k', 'policy');
  assert.equal(policy.k, 'scalar');
  assert.deepEqual(JSON.parse(String(policy.k === 'scalar' && policy.v)), {
    Statement: [{ Principal: { AWS: 'arn:aws:iam::${AWS::AccountId}:root' }, Resource: 'arn:aws:logs:${AWS::Region}:${AWS::AccountId}:*' }],
  });
  const account = get('aws_kms_key.k', 'account');
  assert.equal(account.k === 'scalar' && account.v, '${AWS::AccountId}');
  const suffix = get('aws_kms_key.k', 'suffix');
  assert.equal(suffix.k === 'scalar' && suffix.v, 'amazonaws.com');
  // Who runs Terraform is not the account: the caller's ARN stays unknown, named.
  const caller = get('aws_kms_key.k', 'caller');
  assert.deepEqual(caller.k === 'unknown' && [caller.reason, caller.params], ['data.aws_caller_identity.current.arn is read from the provider when Terraform runs', ['data.aws_caller_identity.current']]);
});

test('--param AWS::Region (and the other pseudo parameters) give the values, as they do for CloudFormation', () => {
  const { get } = load(DATA + 'resource "terraform_data" "t" {\n  r = data.aws_region.current.name\n  a = data.aws_caller_identity.current.account_id\n  p = data.aws_partition.current.partition\n}\n', { 'AWS::Region': 'eu-west-1', 'AWS::AccountId': '111122223333', 'AWS::Partition': 'aws-cn' });
  const text = (k: string) => { const v = get('terraform_data.t', k); return v.k === 'scalar' ? v.v : v.k; };
  assert.deepEqual(['r', 'a', 'p'].map(text), ['eu-west-1', '111122223333', 'aws-cn']);
});

test('a region chosen by argument, an aliased provider or several instances are not the pseudo parameters: unknown', () => {
  const { get } = load([
    'data "aws_region" "named" { name = "us-east-1" }',
    'data "aws_caller_identity" "other" { provider = aws.audit }',
    'data "aws_region" "each" { count = 2 }',
    'resource "terraform_data" "t" {',
    '  named = data.aws_region.named.name',
    '  other = data.aws_caller_identity.other.account_id',
    '  each  = data.aws_region.each[0].name',
    '}',
  ].join('\n'));
  for (const k of ['named', 'other', 'each']) assert.equal(get('terraform_data.t', k).k, 'unknown', k);
});

test('a KMS key policy granting kms:* to the account root through data.aws_caller_identity passes, as its CloudFormation twin does', () => {
  const { dir } = load(DATA + [
    'resource "aws_kms_key" "k" {',
    '  enable_key_rotation = true',
    '  policy = jsonencode({',
    '    Version = "2012-10-17"',
    '    Statement = [{',
    '      Effect    = "Allow"',
    '      Principal = { AWS = "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root" }',
    '      Action    = "kms:*"',
    '      Resource  = "*"',
    '    }]',
    '  })',
    '}',
  ].join('\n'));
  const r = scanPaths([dir], { controls: [kmsFullAccessRootOnly], today: '2026-01-01' });
  assert.deepEqual(r.findings.map((f) => [f.controlId, f.status, f.resource.id]), [['AT-KMS-003', 'pass', 'aws_kms_key.k']]);
});
