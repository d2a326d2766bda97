import control from '../../../src/controls/iam/sagemakerNotebookNoRootAccess.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  R:
    Type: AWS::SageMaker::NotebookInstance
    Properties:
      InstanceType: ml.t3.medium
      RoleArn: arn:aws:iam::111122223333:role/notebook
      RootAccess: Disabled # <--
`,
    tf(`resource "aws_sagemaker_notebook_instance" "research" {
  name          = "research"
  instance_type = "ml.t3.medium"
  role_arn      = "arn:aws:iam::111122223333:role/notebook"
  root_access   = "Disabled" # <--
}
`, { name: 'Disabled' }),
  ],
  fail: [
    { name: 'left out (Enabled)', template: `Resources:
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
`, { name: 'left out (Enabled)' }),
    tf(`resource "aws_sagemaker_notebook_instance" "research" {
  name          = "research"
  instance_type = "ml.t3.medium"
  role_arn      = "arn:aws:iam::111122223333:role/notebook"
  root_access   = "Enabled" # <--
}
`, { name: 'Enabled' }),
  ],
  unknown: [
    tf(`variable "root" {
  type = string
}

resource "aws_sagemaker_notebook_instance" "research" {
  name          = "research"
  instance_type = "ml.t3.medium"
  role_arn      = "arn:aws:iam::111122223333:role/notebook"
  root_access   = var.root # <--
}
`, { name: 'from a variable' }),
  ],
});
