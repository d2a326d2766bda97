import { decide, defineControl } from '../api.js';
import { isFalse, isPresent } from '../predicates.js';

export default defineControl({
  id: 'AT-SQS-001',
  title: 'SQS queues are encrypted at rest',
  domain: 'data-protection',
  severity: 'medium',
  resourceTypes: ['AWS::SQS::Queue'],
  rationale: 'Since late 2022 new queues are encrypted with SQS-owned keys (SSE-SQS) unless encryption is switched off, so only an explicit SqsManagedSseEnabled: false without a KMS key leaves messages unencrypted at rest.',
  remediation: 'Remove SqsManagedSseEnabled: false, or set KmsMasterKeyId to use SSE-KMS.',
  remediationTerraform: 'Remove sqs_managed_sse_enabled = false from the aws_sqs_queue, or set kms_master_key_id to use SSE-KMS.',
  references: { checkov: ['CKV_AWS_27'], trivy: ['AVD-AWS-0096'], cfn_nag: [], cdk_nag: ['AwsSolutions-SQS2'], guard: [] },
  evaluate(r) {
    const kms = decide(r.get('KmsMasterKeyId'), isPresent);
    if (kms === true) return r.pass('the queue uses SSE-KMS', r.locate('KmsMasterKeyId'), [r.evidence('KmsMasterKeyId')]);
    if (kms !== false) return r.unknown('the queue key depends on a deploy-time value', kms.unknown, r.locate('KmsMasterKeyId'), [r.evidence('KmsMasterKeyId')]);
    const off = decide(r.get('SqsManagedSseEnabled'), isFalse);
    const ev = [r.evidence('SqsManagedSseEnabled'), r.evidence('KmsMasterKeyId')];
    if (off === true) return r.fail('SqsManagedSseEnabled is false and no KmsMasterKeyId is set: messages are stored unencrypted', r.locate('SqsManagedSseEnabled'), ev);
    if (off !== false) return r.unknown('SSE-SQS depends on a deploy-time value', off.unknown, r.locate('SqsManagedSseEnabled'), ev);
    return r.pass(r.get('SqsManagedSseEnabled') ? 'the queue uses SSE-SQS' : 'no encryption settings: SQS applies SSE-SQS to new queues by default', r.locate('SqsManagedSseEnabled'), ev);
  },
});
