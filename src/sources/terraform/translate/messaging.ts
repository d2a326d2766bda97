// Messaging: SNS topics and their policies, SQS queues (redrive settings inline or split
// out) and their policies, Kinesis data streams.
import { jsonDocument, listOf, type Attachment, type Translator } from './api.js';
import { copy, copyAll } from './copy.js';
import { deliveryStatusLogging, inlinePolicy } from './governance.js';

/**
 * An SNS topic. Its inline `policy` argument is CloudFormation's separate AWS::SNS::TopicPolicy,
 * a part of its own (`<address>.policy`), as aws_sns_topic_policy is.
 */
const topic: Translator = {
  tfType: 'aws_sns_topic',
  cfnType: 'AWS::SNS::Topic',
  parts: inlinePolicy('AWS::SNS::TopicPolicy'),
  build(tf, out) {
    copyAll(out, {
      TopicName: 'name', DisplayName: 'display_name', KmsMasterKeyId: 'kms_master_key_id', FifoTopic: 'fifo_topic',
      ContentBasedDeduplication: 'content_based_deduplication', SignatureVersion: 'signature_version', TracingConfig: 'tracing_config',
    });
    copy(out, 'ArchivePolicy', 'archive_policy', jsonDocument);
    deliveryStatusLogging(tf, out);
    out.tags();
  },
};

const topicPolicy: Translator = {
  tfType: 'aws_sns_topic_policy',
  cfnType: 'AWS::SNS::TopicPolicy',
  build(_tf, out) {
    copy(out, 'Topics', 'arn', listOf);
    copy(out, 'PolicyDocument', 'policy', jsonDocument);
  },
};

/** A queue. Left out, kms_master_key_id and sqs_managed_sse_enabled give SSE-SQS, as in CloudFormation. */
const queue: Translator = {
  tfType: 'aws_sqs_queue',
  cfnType: 'AWS::SQS::Queue',
  parts: inlinePolicy('AWS::SQS::QueuePolicy'),
  build(_tf, out) {
    copyAll(out, {
      QueueName: 'name', FifoQueue: 'fifo_queue', ContentBasedDeduplication: 'content_based_deduplication',
      DeduplicationScope: 'deduplication_scope', FifoThroughputLimit: 'fifo_throughput_limit',
      KmsMasterKeyId: 'kms_master_key_id', KmsDataKeyReusePeriodSeconds: 'kms_data_key_reuse_period_seconds', SqsManagedSseEnabled: 'sqs_managed_sse_enabled',
      VisibilityTimeout: 'visibility_timeout_seconds', MessageRetentionPeriod: 'message_retention_seconds', MaximumMessageSize: 'max_message_size',
      DelaySeconds: 'delay_seconds', ReceiveMessageWaitTimeSeconds: 'receive_wait_time_seconds',
    });
    copy(out, 'RedrivePolicy', 'redrive_policy', jsonDocument);
    copy(out, 'RedriveAllowPolicy', 'redrive_allow_policy', jsonDocument);
    out.tags();
  },
};

const queuePolicy: Translator = {
  tfType: 'aws_sqs_queue_policy',
  cfnType: 'AWS::SQS::QueuePolicy',
  build(_tf, out) {
    copy(out, 'Queues', 'queue_url', listOf);
    copy(out, 'PolicyDocument', 'policy', jsonDocument);
  },
};

const onQueue = { ownerTypes: ['aws_sqs_queue'], ownerArg: 'queue_url' };

const attachments: Attachment[] = [
  { tfType: 'aws_sqs_queue_redrive_policy', ...onQueue, build: (_tf, out) => copy(out, 'RedrivePolicy', 'redrive_policy', jsonDocument) },
  { tfType: 'aws_sqs_queue_redrive_allow_policy', ...onQueue, build: (_tf, out) => copy(out, 'RedriveAllowPolicy', 'redrive_allow_policy', jsonDocument) },
];

/** A stream. CloudFormation states only KMS encryption; `encryption_type = "NONE"` is the property left out. */
const stream: Translator = {
  tfType: 'aws_kinesis_stream',
  cfnType: 'AWS::Kinesis::Stream',
  build(tf, out) {
    copyAll(out, { Name: 'name', ShardCount: 'shard_count', RetentionPeriodHours: 'retention_period', 'StreamModeDetails.StreamMode': 'stream_mode_details.stream_mode' });
    const enc = tf.get('encryption_type');
    if (enc && !(enc.k === 'scalar' && enc.v === 'NONE')) {
      copyAll(out, { 'StreamEncryption.EncryptionType': 'encryption_type', 'StreamEncryption.KeyId': 'kms_key_id' });
    }
    out.tags();
  },
};

export const messaging: { translators: Translator[]; attachments: Attachment[] } = { translators: [topic, topicPolicy, queue, queuePolicy, stream], attachments };
