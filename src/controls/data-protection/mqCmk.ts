import { decide, defineControl, evidenceAt } from '../api.js';
import { asString } from '../../model/value.js';
import { isPresent } from '../predicates.js';
import { trueOr } from '../lib/analytics.js';

export default defineControl({
  id: 'AT-MQ-005',
  title: 'Amazon MQ for ActiveMQ brokers encrypt data at rest with a customer managed KMS key',
  domain: 'data-protection',
  severity: 'low',
  resourceTypes: ['AWS::AmazonMQ::Broker'],
  rationale: 'ActiveMQ brokers encrypt stored messages with a key AWS owns unless EncryptionOptions turns UseAwsOwnedKey off; then KmsKeyId names a customer managed key (without it, the AWS managed key aws/mq). Only a customer managed key lets you restrict and audit who can decrypt broker storage. RabbitMQ brokers take no encryption options and are not judged.',
  remediation: 'Set EncryptionOptions with UseAwsOwnedKey: false and KmsKeyId: a customer managed key. It can only be chosen at creation.',
  remediationTerraform: 'Add encryption_options { use_aws_owned_key = false, kms_key_id = <customer managed key> } to the aws_mq_broker; it can only be chosen at creation.',
  references: { checkov: [], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    if (asString(r.get('EngineType'))?.toUpperCase() === 'RABBITMQ') return r.notApplicable('RabbitMQ brokers take no encryption options');
    const own = r.get('EncryptionOptions.UseAwsOwnedKey');
    const key = r.get('EncryptionOptions.KmsKeyId');
    const ownAt = own === undefined ? r.resource.loc : r.locate('EncryptionOptions.UseAwsOwnedKey');
    const keyAt = key === undefined ? (own === undefined ? r.resource.loc : ownAt) : r.locate('EncryptionOptions.KmsKeyId');
    const ev = [evidenceAt('Properties.EncryptionOptions.UseAwsOwnedKey', own, ownAt, own === undefined ? 'default is true' : undefined), evidenceAt('Properties.EncryptionOptions.KmsKeyId', key, keyAt)];
    const owned = decide(own, trueOr(true));
    if (owned === true) return r.fail('UseAwsOwnedKey is true (the default): broker storage is encrypted with a key AWS owns', ownAt, ev);
    if (owned !== false) return r.unknown('the broker key depends on a deploy-time value', owned.unknown, ownAt, ev);
    const named = decide(key, isPresent);
    if (named === true) return r.pass('broker storage is encrypted with the customer managed key in KmsKeyId', keyAt, ev);
    if (named === false) return r.fail('KmsKeyId is not set: broker storage is encrypted with the AWS managed key aws/mq', keyAt, ev);
    return r.unknown('the broker key depends on a deploy-time value', named.unknown, keyAt, ev);
  },
});
