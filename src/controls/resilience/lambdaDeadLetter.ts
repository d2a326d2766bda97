import { decide, defineControl } from '../api.js';
import { isPresent } from '../predicates.js';
import { getPath } from '../../model/value.js';
import { LAMBDA_TYPES } from '../lib/operations.js';

export default defineControl({
  id: 'AT-LAMBDA-008',
  title: 'Lambda functions keep failed asynchronous events',
  domain: 'resilience',
  severity: 'low',
  resourceTypes: LAMBDA_TYPES,
  rationale: 'Asynchronous events that still fail after retries are dropped unless a dead-letter queue or on-failure destination captures them, losing data without a trace.',
  remediation: 'Set DeadLetterConfig.TargetArn (DeadLetterQueue in SAM) to an SQS queue or SNS topic, or declare an on-failure destination with EventInvokeConfig.',
  remediationTerraform: 'Add dead_letter_config { target_arn = <SQS queue or SNS topic ARN> } to the aws_lambda_function, or declare an aws_lambda_function_event_invoke_config with destination_config { on_failure { destination = ... } }.',
  references: { checkov: ['CKV_AWS_116'], guard: ['LAMBDA_DLQ_CHECK'] },
  evaluate(r) {
    const dlqPath = r.type === 'AWS::Serverless::Function' ? 'DeadLetterQueue.TargetArn' : 'DeadLetterConfig.TargetArn';
    const dlq = r.get(dlqPath);
    const at = r.locate(dlqPath);
    const d = decide(dlq, isPresent);
    if (d === true) return r.pass('failed asynchronous events go to a dead-letter queue', at, [r.evidence(dlqPath, dlq)]);
    // SAM: EventInvokeConfig property; CloudFormation: an AWS::Lambda::EventInvokeConfig naming the function.
    const samOnFailure = r.get('EventInvokeConfig.DestinationConfig.OnFailure');
    if (samOnFailure) return r.pass('failed asynchronous events go to an on-failure destination', r.locate('EventInvokeConfig.DestinationConfig.OnFailure'), [r.evidence('EventInvokeConfig.DestinationConfig.OnFailure', samOnFailure)]);
    for (const cfg of r.graph.referrers(r.resource, 'AWS::Lambda::EventInvokeConfig')) {
      const dest = getPath(cfg.properties, 'DestinationConfig.OnFailure.Destination');
      if (dest) {
        return r.pass(`failed asynchronous events go to the on-failure destination of ${cfg.id}`, dest.loc, [
          { path: `${cfg.id}.Properties.DestinationConfig.OnFailure.Destination`, value: 'set', file: dest.loc.file, line: dest.loc.line, column: dest.loc.column },
        ]);
      }
    }
    if (d !== false) return r.unknown('cannot tell whether a dead-letter queue is set', d.unknown, at, [r.evidence(dlqPath, dlq)]);
    return r.fail('no dead-letter queue and no on-failure destination: asynchronous events that keep failing are discarded', at, [r.evidence(dlqPath, dlq)]);
  },
});
