// Secrets Manager secrets with their values, rotation and resource policy; SSM parameters.
import { jsonDocument, type Attachment, type Translator } from './api.js';
import { blockList, copy, copyAll, firstWritten, written } from './copy.js';

/**
 * The secret itself. Its inline `policy` argument is CloudFormation's separate
 * AWS::SecretsManager::ResourcePolicy and is not carried here (no control reads either).
 */
const secret: Translator = {
  tfType: 'aws_secretsmanager_secret',
  cfnType: 'AWS::SecretsManager::Secret',
  build(tf, out) {
    copyAll(out, { Name: 'name', Description: 'description', KmsKeyId: 'kms_key_id' });
    blockList(tf, out, 'ReplicaRegions', 'replica', (b) => copyAll(b, { Region: 'region', KmsKeyId: 'kms_key_id' }));
    out.tags();
    // Provider v3 configured rotation on the secret; CloudFormation (and the rotation control)
    // know only a schedule resource, which the v4 provider calls aws_secretsmanager_secret_rotation.
    if (written(tf, 'rotation_lambda_arn') || written(tf, 'rotation_rules')) {
      out.note(`${tf.address} configures rotation inline (provider v3 rotation_lambda_arn/rotation_rules), which is not read; the rotation control looks for an aws_secretsmanager_secret_rotation`, tf.locate(firstWritten(tf, 'rotation_lambda_arn', 'rotation_rules')));
    }
  },
};

/** The secret's value, where CloudFormation writes it: SecretString of the secret. */
const version: Attachment = {
  tfType: 'aws_secretsmanager_secret_version',
  ownerTypes: ['aws_secretsmanager_secret'],
  ownerArg: 'secret_id',
  ownerKey: 'name',
  build(tf, out) {
    copy(out, 'SecretString', firstWritten(tf, 'secret_string', 'secret_string_wo'));
  },
};

const rotation: Translator = {
  tfType: 'aws_secretsmanager_secret_rotation',
  cfnType: 'AWS::SecretsManager::RotationSchedule',
  build(_tf, out) {
    copyAll(out, {
      SecretId: 'secret_id', RotationLambdaARN: 'rotation_lambda_arn', RotateImmediately: 'rotate_immediately',
      'RotationRules.AutomaticallyAfterDays': 'rotation_rules.automatically_after_days',
      'RotationRules.ScheduleExpression': 'rotation_rules.schedule_expression', 'RotationRules.Duration': 'rotation_rules.duration',
    });
  },
};

const policy: Translator = {
  tfType: 'aws_secretsmanager_secret_policy',
  cfnType: 'AWS::SecretsManager::ResourcePolicy',
  build(_tf, out) {
    copyAll(out, { SecretId: 'secret_arn', BlockPublicPolicy: 'block_public_policy' });
    copy(out, 'ResourcePolicy', 'policy', jsonDocument);
  },
};

const parameter: Translator = {
  tfType: 'aws_ssm_parameter',
  cfnType: 'AWS::SSM::Parameter',
  build(tf, out) {
    copyAll(out, { Name: 'name', Type: 'type', Description: 'description', Tier: 'tier', DataType: 'data_type', AllowedPattern: 'allowed_pattern' });
    copy(out, 'Value', firstWritten(tf, 'value', 'insecure_value', 'value_wo'));
    // AWS::SSM::Parameter keeps tags as a map, as Terraform does.
    copy(out, 'Tags', 'tags');
  },
};

export const secrets: { translators: Translator[]; attachments: Attachment[] } = { translators: [secret, rotation, policy, parameter], attachments: [version] };
