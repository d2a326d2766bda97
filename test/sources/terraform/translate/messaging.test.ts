import assert from 'node:assert/strict';
import { test } from 'node:test';
import snsTopicEncrypted from '../../../../src/controls/data-protection/snsTopicEncrypted.js';
import sqsQueueEncrypted from '../../../../src/controls/data-protection/sqsQueueEncrypted.js';
import sqsQueueKms from '../../../../src/controls/data-protection/sqsQueueKms.js';
import { getPath, render } from '../../../../src/model/value.js';
import { translate } from '../../../../src/sources/terraform/translate/index.js';
import { propLoc, tfFindings, tfResources } from '../../../helpers/tf.js';

test('aws_sns_topic: the topic key decides encryption', () => {
  const input = tfResources('sns.tf', {
    'aws_sns_topic.t': { name: 'alerts', kms_master_key_id: 'alias/aws/sns' }, // 1, 2, 3
    'aws_sns_topic.plain': { name: 'plain' }, // 4, 5
  });
  const t = translate(input).resources[0]!;
  assert.equal(t.type, 'AWS::SNS::Topic');
  assert.deepEqual(propLoc(t, 'KmsMasterKeyId'), { file: 'sns.tf', line: 3, column: 3, path: 'aws_sns_topic.t.kms_master_key_id' });
  assert.deepEqual(tfFindings(input, snsTopicEncrypted).map((f) => [f.resource.id, f.status, f.location.line]), [['aws_sns_topic.t', 'pass', 3], ['aws_sns_topic.plain', 'fail', 4]]);
});

test('aws_sqs_queue: SSE-KMS, SSE-SQS by default, or SSE explicitly off', () => {
  const input = tfResources('sqs.tf', {
    'aws_sqs_queue.kms': { name: 'kms', kms_master_key_id: { ref: 'aws_kms_key.q', attr: 'arn' } }, // 1-3
    'aws_sqs_queue.default': { name: 'default' }, // 4, 5
    'aws_sqs_queue.off': { name: 'off', sqs_managed_sse_enabled: false }, // 6-8
  });
  assert.deepEqual(tfFindings(input, sqsQueueEncrypted).map((f) => [f.resource.id, f.status, f.location.line]), [
    ['aws_sqs_queue.kms', 'pass', 3], ['aws_sqs_queue.default', 'pass', 4], ['aws_sqs_queue.off', 'fail', 8],
  ]);
  assert.deepEqual(tfFindings(input, sqsQueueKms).map((f) => [f.resource.id, f.status]), [
    ['aws_sqs_queue.kms', 'pass'], ['aws_sqs_queue.default', 'fail'], ['aws_sqs_queue.off', 'fail'],
  ]);
});

test('redrive policies inline or split out, and queue and topic policies', () => {
  const out = translate(tfResources('sqs.tf', {
    'aws_sqs_queue.q': { name: 'q' }, // 1, 2
    'aws_sqs_queue_redrive_policy.r': { queue_url: { ref: 'aws_sqs_queue.q', attr: 'id' }, redrive_policy: '{"deadLetterTargetArn":"arn:aws:sqs:eu-west-1:111122223333:dlq","maxReceiveCount":4}' }, // 3-5
    'aws_sqs_queue_policy.p': { queue_url: { ref: 'aws_sqs_queue.q', attr: 'id' }, policy: '{"Statement":[]}' }, // 6-8
    'aws_sns_topic_policy.p': { arn: { ref: 'aws_sns_topic.t', attr: 'arn' }, policy: '{"Statement":[]}' }, // 9-11
  }));
  assert.deepEqual(out.notes, []);
  const [q, qp, tp] = out.resources;
  assert.equal(render(getPath(q!.properties, 'RedrivePolicy')), '{deadLetterTargetArn: "arn:aws:sqs:eu-west-1:111122223333:dlq", maxReceiveCount: 4}');
  assert.deepEqual(propLoc(q!, 'RedrivePolicy'), { file: 'sqs.tf', line: 5, column: 3, path: 'aws_sqs_queue_redrive_policy.r.redrive_policy' });
  assert.equal(qp!.type, 'AWS::SQS::QueuePolicy');
  assert.equal(render(getPath(qp!.properties, 'Queues')), '[aws_sqs_queue.q.id]');
  assert.equal(tp!.type, 'AWS::SNS::TopicPolicy');
  assert.equal(render(getPath(tp!.properties, 'Topics')), '[aws_sns_topic.t.arn]');
});

test('aws_kinesis_stream: KMS encryption as StreamEncryption, NONE as no encryption', () => {
  const out = translate(tfResources('kinesis.tf', {
    'aws_kinesis_stream.k': { name: 'events', encryption_type: 'KMS', kms_key_id: 'alias/aws/kinesis' },
    'aws_kinesis_stream.none': { name: 'raw', encryption_type: 'NONE' },
  }));
  assert.equal(render(getPath(out.resources[0]!.properties, 'StreamEncryption')), '{EncryptionType: "KMS", KeyId: "alias/aws/kinesis"}');
  assert.equal(getPath(out.resources[1]!.properties, 'StreamEncryption'), undefined);
});
