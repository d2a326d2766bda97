import { defineControl, evidenceAt } from '../api.js';
import { asList, asString, prop } from '../../model/value.js';
import { isPresent } from '../predicates.js';

export default defineControl({
  id: 'AT-SNS-003',
  title: 'SNS topics log message delivery status',
  domain: 'audit',
  severity: 'low',
  resourceTypes: ['AWS::SNS::Topic'],
  rationale: 'Delivery status logging writes a CloudWatch Logs entry for each failed (and sampled successful) delivery to Lambda, SQS, HTTP, Firehose or application endpoints; without it, lost notifications go unnoticed.',
  remediation: 'Add DeliveryStatusLogging entries (Protocol and FailureFeedbackRoleArn, optionally SuccessFeedbackRoleArn and SuccessFeedbackSampleRate) for the protocols the topic delivers to.',
  remediationTerraform: 'Set <protocol>_failure_feedback_role_arn on the aws_sns_topic (lambda_, sqs_, http_, firehose_ or application_, optionally with the matching _success_feedback_role_arn and _success_feedback_sample_rate) for the protocols it delivers to.',
  references: {},
  evaluate(r) {
    const list = r.get('DeliveryStatusLogging');
    const at = r.locate('DeliveryStatusLogging');
    const ev = [r.evidence('DeliveryStatusLogging', list, list === undefined ? 'not set' : undefined)];
    if (list?.k === 'unknown') return r.unknown('delivery status logging depends on a value not known statically', list, at, ev);
    for (const [i, item] of (asList(list) ?? []).entries()) {
      const role = prop(item, 'FailureFeedbackRoleArn');
      const d = isPresent(role);
      const rAt = item.k === 'object' ? item.keyLocs.get('FailureFeedbackRoleArn') ?? item.loc : item.loc;
      if (d === true) return r.pass(`failed ${asString(prop(item, 'Protocol')) ?? ''} deliveries are logged`.replace('  ', ' '), rAt, [evidenceAt(`Properties.DeliveryStatusLogging.${i}.FailureFeedbackRoleArn`, role, rAt)]);
      if (d !== false) return r.unknown('the feedback role depends on a value not known statically', d.unknown, rAt, ev);
    }
    return r.fail('the topic does not log failed deliveries (no DeliveryStatusLogging entry with a FailureFeedbackRoleArn)', at, ev);
  },
});
