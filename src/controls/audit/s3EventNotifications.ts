import { defineControl } from '../api.js';
import { asBool, asList } from '../../model/value.js';

const KINDS = ['LambdaConfigurations', 'QueueConfigurations', 'TopicConfigurations'];

export default defineControl({
  id: 'AT-S3-014',
  title: 'S3 buckets send event notifications',
  domain: 'audit',
  severity: 'low',
  resourceTypes: ['AWS::S3::Bucket'],
  rationale: 'Event notifications (to Lambda, SQS, SNS or EventBridge) let deletions, uploads and other object changes be acted on or reviewed as they happen rather than found later.',
  remediation: 'Set NotificationConfiguration with LambdaConfigurations, QueueConfigurations or TopicConfigurations, or EventBridgeConfiguration.EventBridgeEnabled: true.',
  remediationTerraform: 'Declare an aws_s3_bucket_notification for the bucket with a lambda_function, queue or topic block, or eventbridge = true.',
  references: {},
  evaluate(r) {
    const cfg = r.get('NotificationConfiguration');
    const at = r.locate('NotificationConfiguration');
    const ev = [r.evidence('NotificationConfiguration', cfg, cfg === undefined ? 'not set' : undefined)];
    if (cfg?.k === 'unknown') return r.unknown('the notification configuration depends on a value not known statically', cfg, at, ev);
    for (const k of KINDS) {
      const l = r.get(`NotificationConfiguration.${k}`);
      if (l?.k === 'unknown') return r.unknown(`the ${k} depend on a value not known statically`, l, r.locate(`NotificationConfiguration.${k}`), ev);
      if ((asList(l) ?? []).length > 0) return r.pass(`the bucket sends events through ${k}`, r.locate(`NotificationConfiguration.${k}`), ev);
    }
    const eb = r.get('NotificationConfiguration.EventBridgeConfiguration.EventBridgeEnabled');
    const ebAt = r.locate('NotificationConfiguration.EventBridgeConfiguration.EventBridgeEnabled');
    if (eb?.k === 'unknown') return r.unknown('EventBridge delivery depends on a value not known statically', eb, ebAt, ev);
    if (asBool(eb) === true) return r.pass('the bucket sends its events to EventBridge', ebAt, ev);
    return r.fail('the bucket sends no event notifications', at, ev);
  },
});
