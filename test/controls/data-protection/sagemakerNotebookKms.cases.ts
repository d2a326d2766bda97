import control from '../../../src/controls/data-protection/sagemakerNotebookKms.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  R:
    Type: AWS::SageMaker::NotebookInstance
    Properties:
      InstanceType: ml.t3.medium
      RoleArn: arn:aws:iam::111122223333:role/notebook
      KmsKeyId: !Ref Key # <--
  Key:
    Type: AWS::KMS::Key
    Properties:
      KeyPolicy: {}
`,
    tf(`resource "aws_kms_key" "notebook" {}

resource "aws_sagemaker_notebook_instance" "research" {
  name          = "research"
  instance_type = "ml.t3.medium"
  role_arn      = "arn:aws:iam::111122223333:role/notebook"
  kms_key_id    = aws_kms_key.notebook.id # <--
}
`, { name: 'kms_key_id from a key' }),
  ],
  fail: [
    { name: 'left out', template: `Resources:
  R: # <--
    Type: AWS::SageMaker::NotebookInstance
    Properties:
      InstanceType: ml.t3.medium
      RoleArn: arn:aws:iam::111122223333:role/notebook
` },
    tf(`resource "aws_sagemaker_notebook_instance" "research" { # <--
  name          = "research"
  instance_type = "ml.t3.medium"
  role_arn      = "arn:aws:iam::111122223333:role/notebook"
}
`, { name: 'left out' }),
  ],
  unknown: [
    { name: 'parameter without a value', template: `Parameters:
  Key: { Type: String }
Resources:
  R:
    Type: AWS::SageMaker::NotebookInstance
    Properties:
      InstanceType: ml.t3.medium
      RoleArn: arn:aws:iam::111122223333:role/notebook
      KmsKeyId: !Ref Key # <--
` },
  ],
});
