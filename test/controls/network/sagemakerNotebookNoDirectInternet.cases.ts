import control from '../../../src/controls/network/sagemakerNotebookNoDirectInternet.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  R:
    Type: AWS::SageMaker::NotebookInstance
    Properties:
      InstanceType: ml.t3.medium
      RoleArn: arn:aws:iam::111122223333:role/notebook
      SubnetId: subnet-1
      SecurityGroupIds: [sg-1]
      DirectInternetAccess: Disabled # <--
`,
    tf(`resource "aws_sagemaker_notebook_instance" "research" {
  name          = "research"
  instance_type = "ml.t3.medium"
  role_arn      = "arn:aws:iam::111122223333:role/notebook"
  subnet_id              = "subnet-1"
  security_groups        = ["sg-1"]
  direct_internet_access = "Disabled" # <--
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
    `Resources:
  R:
    Type: AWS::SageMaker::NotebookInstance
    Properties:
      InstanceType: ml.t3.medium
      RoleArn: arn:aws:iam::111122223333:role/notebook
      DirectInternetAccess: Enabled # <--
`,
    tf(`resource "aws_sagemaker_notebook_instance" "research" { # <--
  name          = "research"
  instance_type = "ml.t3.medium"
  role_arn      = "arn:aws:iam::111122223333:role/notebook"
}
`, { name: 'left out (Enabled)' }),
  ],
  unknown: [
    { name: 'parameter without a value', template: `Parameters:
  Access: { Type: String }
Resources:
  R:
    Type: AWS::SageMaker::NotebookInstance
    Properties:
      InstanceType: ml.t3.medium
      RoleArn: arn:aws:iam::111122223333:role/notebook
      DirectInternetAccess: !Ref Access # <--
` },
    tf(`variable "access" {
  type = string
}

resource "aws_sagemaker_notebook_instance" "research" {
  name                   = "research"
  instance_type          = "ml.t3.medium"
  role_arn               = "arn:aws:iam::111122223333:role/notebook"
  direct_internet_access = var.access # <--
}
`, { name: 'from a variable' }),
  ],
});
