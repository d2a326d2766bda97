import control from '../../../src/controls/audit/configRecorderRunning.js';
import { cases, tf } from '../../helpers/cases.js';

const RECORDER = `resource "aws_config_configuration_recorder" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/config"
}
`;
const CHANNEL = `
resource "aws_config_delivery_channel" "main" {
  name           = "main"
  s3_bucket_name = "acme-config"
  depends_on     = [aws_config_configuration_recorder.main]
}
`;

export default cases(control, {
  pass: [
    `Resources:
  Recorder:
    Type: AWS::Config::ConfigurationRecorder
    Properties:
      RoleARN: arn:aws:iam::111122223333:role/config
  Channel: # <--
    Type: AWS::Config::DeliveryChannel
    Properties:
      S3BucketName: acme-config
`,
    tf(`${RECORDER}${CHANNEL}
resource "aws_config_configuration_recorder_status" "main" {
  name       = aws_config_configuration_recorder.main.name
  is_enabled = true # <--
  depends_on = [aws_config_delivery_channel.main]
}
`, { name: 'recorder, channel and status' }),
  ],
  fail: [
    `Resources:
  Recorder: # <--
    Type: AWS::Config::ConfigurationRecorder
    Properties:
      RoleARN: arn:aws:iam::111122223333:role/config
`,
    tf(`resource "aws_config_configuration_recorder" "main" { # <--
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/config"
}
${CHANNEL}`, { name: 'no recorder status: stopped' }),
    tf(`${RECORDER}${CHANNEL}
resource "aws_config_configuration_recorder_status" "main" {
  name       = "main"
  is_enabled = false # <--
}
`, { name: 'is_enabled = false' }),
  ],
  unknown: [
    tf(`variable "on" {
  type = bool
}

${RECORDER}${CHANNEL}
resource "aws_config_configuration_recorder_status" "main" {
  name       = aws_config_configuration_recorder.main.name
  is_enabled = var.on # <--
}
`, { name: 'is_enabled from a variable' }),
  ],
});
