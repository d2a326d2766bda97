// Messaging: SNS topics and their policies, SQS queues (redrive settings inline or split
// out) and their policies, Kinesis data streams.
import { CfnBuilder, jsonDocument, listOf, type Attachment, type Translator } from './api.js';
import { copy, copyAll, written } from './copy.js';

/**
 * An SNS topic. Its inline `policy` argument is CloudFormation's separate AWS::SNS::TopicPolicy
 * and is not carried here; aws_sns_topic_policy is.
 */
const topic: Translator = {
  tfType: 'aws_sns_topic',
  cfnType: 'AWS::SNS::Topic',
  build(tf, out) {
    copyAll(out, {
      TopicName: 'name', DisplayName: 'display_name', KmsMasterKeyId: 'kms_master_key_id', FifoTopic: 'fifo_topic',
      ContentBasedDeduplication: 'content_based_deduplication', SignatureVersion: 'signature_version', TracingConfig: 'tracing_config',
    });
    copy(out, 'ArchivePolicy', 'archive_policy', jsonDocument);
    // Delivery status logging: <protocol>_{success,failure}_feedback_* arguments as DeliveryStatusLogging entries.
    for (const p of ['application', 'firehose', 'http', 'lambda', 'sqs']) if (written(tf, `${p}_failure_feedback_role_arn`) || written(tf, `${p}_success_feedback_role_arn`)) { const b = new CfnBuilder(tf, { k: 'object', props: new Map(), keyLocs: new Map(), loc: tf.locate(`${p}_failure_feedback_role_arn`) }); b.put('Protocol', { k: 'scalar', v: p, loc: b.properties.loc }, b.properties.loc); copyAll(b, { FailureFeedbackRoleArn: `${p}_failure_feedback_role_arn`, SuccessFeedbackRoleArn: `${p}_success_feedback_role_arn`, SuccessFeedbackSampleRate: `${p}_success_feedback_sample_rate` }); out.append('DeliveryStatusLogging', b.properties, b.properties.loc); }
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
