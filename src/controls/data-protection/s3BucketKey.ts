import { defineControl, evidenceAt } from '../api.js';
import { asBool, asString, getPath } from '../../model/value.js';
import { listAt } from '../lib/data.js';

export default defineControl({
  id: 'AT-S3-016',
  title: 'S3 buckets encrypted with SSE-KMS use an S3 Bucket Key',
  domain: 'data-protection',
  severity: 'low',
  resourceTypes: ['AWS::S3::Bucket'],
  rationale: 'Without a Bucket Key every object operation calls KMS, which multiplies KMS cost and can hit KMS request quotas, a common reason teams fall back to weaker encryption. Buckets not encrypted with SSE-KMS are not applicable (AT-S3-003 covers the choice of key).',
  remediation: 'Set BucketKeyEnabled: true on the BucketEncryption.ServerSideEncryptionConfiguration rule that uses aws:kms.',
  remediationTerraform: 'Set bucket_key_enabled = true in the rule of the bucket\'s aws_s3_bucket_server_side_encryption_configuration that uses aws:kms.',
  references: {},
  evaluate(r) {
    const { items, unknown, v } = listAt(r, 'BucketEncryption.ServerSideEncryptionConfiguration');
    if (unknown) return r.unknown('the bucket\'s encryption depends on a value not known statically', unknown, r.locate('BucketEncryption.ServerSideEncryptionConfiguration'), [r.evidence('BucketEncryption.ServerSideEncryptionConfiguration', v)]);
    const kms = items.map((rule, i) => ({ rule, i, alg: getPath(rule, 'ServerSideEncryptionByDefault.SSEAlgorithm') }));
    const u = kms.find((x) => x.alg?.k === 'unknown');
    const kmsRules = kms.filter((x) => /^aws:kms/.test(asString(x.alg) ?? ''));
    if (kmsRules.length === 0) {
      if (u) return r.unknown('whether the bucket uses SSE-KMS depends on a value not known statically', u.alg as Parameters<typeof r.unknown>[1], u.alg!.loc, [r.evidence('BucketEncryption.ServerSideEncryptionConfiguration', v)]);
      return r.notApplicable('the bucket is not encrypted with SSE-KMS');
    }
    const { rule, i } = kmsRules[0]!;
    const key = getPath(rule, 'BucketKeyEnabled');
    const at = rule.k === 'object' ? rule.keyLocs.get('BucketKeyEnabled') ?? rule.loc : rule.loc;
    const ev = [evidenceAt(`Properties.BucketEncryption.ServerSideEncryptionConfiguration.${i}.BucketKeyEnabled`, key, at, key === undefined ? 'not set: false' : undefined)];
    if (key?.k === 'unknown') return r.unknown('whether the Bucket Key is used depends on a value not known statically', key, at, ev);
    if (asBool(key) === true) return r.pass('SSE-KMS encryption uses an S3 Bucket Key', at, ev);
    return r.fail('the bucket encrypts with SSE-KMS without a Bucket Key: every object request calls KMS', at, ev);
  },
});
