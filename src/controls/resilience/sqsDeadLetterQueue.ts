import { defineControl } from '../api.js';
import type { Resource, Value } from '../../model/types.js';
import { getPath } from '../../model/value.js';
import type { ResourceContext } from '../api.js';
import { isPresent } from '../predicates.js';

/** The resource a value points at: a Ref/GetAtt, or a string embedding one resource. */
function pointsAt(r: ResourceContext, from: Resource, v: Value | undefined): Resource | undefined {
  if (!v) return undefined;
  const t = r.graph.target(from, v);
  if (t) return t;
  if (v.k === 'scalar' && v.refs?.length === 1) return r.graph.template(from)?.resources.get(v.refs[0]!);
  return undefined;
}

export default defineControl({
  id: 'AT-SQS-004',
  title: 'SQS queues send messages that keep failing to a dead-letter queue',
  domain: 'resilience',
  severity: 'low',
  resourceTypes: ['AWS::SQS::Queue'],
  rationale: 'Without a redrive policy a message that consumers cannot process is retried until its retention period ends and is then lost, and it keeps blocking FIFO message groups. A queue that is itself the dead-letter queue of another scanned queue is not applicable.',
  remediation: 'Set RedrivePolicy with deadLetterTargetArn (the dead-letter queue\'s ARN) and maxReceiveCount.',
  remediationTerraform: 'Set redrive_policy = jsonencode({ deadLetterTargetArn = ..., maxReceiveCount = ... }) on the aws_sqs_queue, or declare an aws_sqs_queue_redrive_policy for it.',
  references: {},
  evaluate(r) {
    const feeds = r.graph.ofType('AWS::SQS::Queue', r.resource).filter((q) => q !== r.resource && pointsAt(r, q, getPath(q.properties, 'RedrivePolicy.deadLetterTargetArn')) === r.resource);
    if (feeds.length) return r.notApplicable(`the queue is the dead-letter queue of ${feeds.map((q) => q.id).join(', ')}`);
    return r.expect('RedrivePolicy.deadLetterTargetArn', isPresent, {
      pass: 'messages that keep failing move to a dead-letter queue',
      fail: 'the queue has no dead-letter queue: messages that keep failing are lost when they expire',
      unknown: 'the redrive policy depends on a value not known statically',
    }, 'not set');
  },
});
