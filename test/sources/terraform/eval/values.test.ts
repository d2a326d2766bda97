// The caller identity's account id (data.aws_caller_identity): the account Terraform deploys
// into, kept as a placeholder inside text so a policy naming the own account stays readable.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import kmsKeyPolicyFullAccessRootOnly from '../../../../src/controls/data-protection/kmsKeyPolicyFullAccessRootOnly.js';
import kmsKeyPolicyNoWildcardPrincipal from '../../../../src/controls/data-protection/kmsKeyPolicyNoWildcardPrincipal.js';
import trustCrossAccountConditioned from '../../../../src/controls/iam/trustCrossAccountConditioned.js';
import { render } from '../../../../src/model/value.js';
import { loadTerraformModule } from '../../../../src/sources/terraform/module.js';
import { scanTerraform } from '../../../controls/deployment/formats.js';

const MAIN = `data "aws_caller_identity" "current" {}
data "aws_caller_identity" "prod" {
  provider = aws.prod
}
resource "terraform_data" "t" {
  input = {
    root    = "arn:aws:iam::\${data.aws_caller_identity.current.account_id}:root"
    bare    = data.aws_caller_identity.current.account_id
    doc     = jsonencode({ AWS = data.aws_caller_identity.current.account_id })
    caller  = "\${data.aws_caller_identity.current.arn}/x"
    aliased = "arn:aws:iam::\${data.aws_caller_identity.prod.account_id}:root"
  }
}
`;

test('the caller account id is a placeholder inside text and an unknown naming it alone; its ARN and an aliased provider\'s stay unknown', () => {
  const dir = mkdtempSync(join(tmpdir(), 'attest-caller-'));
  writeFileSync(join(dir, 'main.tf'), MAIN);
  const m = loadTerraformModule(dir, [join(dir, 'main.tf')], {});
  const input = m.resources.find((r) => r.address === 'terraform_data.t')!.values.props.get('input')!;
  assert.equal(input.k, 'object');
  const get = (k: string) => (input.k === 'object' ? input.props.get(k)! : undefined)!;
  assert.equal(render(get('root')), '"arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"');
  const bare = get('bare');
  assert.deepEqual(bare.k === 'unknown' && bare.params, ['data.aws_caller_identity.current.account_id']);
  assert.equal(render(get('doc')), '"{\\"AWS\\":\\"${data.aws_caller_identity.current.account_id}\\"}"');
  // The identity Terraform runs as is not the account: text built from it stays unknown.
  const caller = get('caller');
  assert.deepEqual(caller.k === 'unknown' && caller.params, ['data.aws_caller_identity.current.arn']);
  // Read through another provider configuration it may be another account: not named as the own one.
  const aliased = get('aliased');
  assert.deepEqual(aliased.k === 'unknown' && aliased.params, ['data.aws_caller_identity.prod']);
});

const KEYS = `data "aws_caller_identity" "current" {}
data "aws_caller_identity" "prod" {
  provider = aws.prod
}
resource "aws_kms_key" "root" {
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::\${data.aws_caller_identity.current.account_id}:root" }
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
}
resource "aws_kms_key" "bare" {
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = [data.aws_caller_identity.current.account_id] }
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
}
resource "aws_kms_key" "caller" {
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = data.aws_caller_identity.current.arn }
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
}
resource "aws_kms_key" "aliased" {
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::\${data.aws_caller_identity.prod.account_id}:root" }
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
}
resource "aws_iam_role" "r" {
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::\${data.aws_caller_identity.current.account_id}:root" }
      Action    = "sts:AssumeRole"
    }]
  })
}
`;

test('KMS and trust policies: the caller account\'s root is the own account; the caller\'s ARN or another provider\'s account is not known', () => {
  const fs = scanTerraform({ 'main.tf': KEYS }, [kmsKeyPolicyFullAccessRootOnly, kmsKeyPolicyNoWildcardPrincipal, trustCrossAccountConditioned]);
  assert.deepEqual(fs.map((f) => [f.controlId, f.resource.id, f.status]), [
    ['AT-KMS-003', 'aws_kms_key.root', 'pass'], ['AT-KMS-002', 'aws_kms_key.root', 'pass'],
    ['AT-KMS-003', 'aws_kms_key.bare', 'pass'], ['AT-KMS-002', 'aws_kms_key.bare', 'pass'],
    ['AT-KMS-003', 'aws_kms_key.caller', 'unknown'], ['AT-KMS-002', 'aws_kms_key.caller', 'unknown'],
    ['AT-KMS-003', 'aws_kms_key.aliased', 'unknown'], ['AT-KMS-002', 'aws_kms_key.aliased', 'unknown'],
    ['AT-IAM-009', 'aws_iam_role.r', 'pass'],
  ]);
  assert.match(fs[4]!.message, /data\.aws_caller_identity\.current\.arn names the identity Terraform runs as/);
  assert.deepEqual(fs[6]!.dependsOn, ['data.aws_caller_identity.prod']);
});
