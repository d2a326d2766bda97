import control from '../../../src/controls/network/sagemakerNotebookInVpc.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  R:
    Type: AWS::SageMaker::NotebookInstance
    Properties:
      InstanceType: ml.t3.medium
      RoleArn: arn:aws:iam::111122223333:role/notebook
      SubnetId: subnet-1 # <--
      SecurityGroupIds: [sg-1]
`,
    tf(`resource "aws_sagemaker_notebook_instance" "research" {
  name          = "research"
  instance_type = "ml.t3.medium"
  role_arn      = "arn:aws:iam::111122223333:role/notebook"
  subnet_id       = "subnet-1" # <--
  security_groups = ["sg-1"]
}
`, { name: 'subnet_id set' }),
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
    tf(`variable "subnet" {
  type = string
}

resource "aws_sagemaker_notebook_instance" "research" {
  name          = "research"
  instance_type = "ml.t3.medium"
  role_arn      = "arn:aws:iam::111122223333:role/notebook"
  subnet_id       = var.subnet # <--
}
`, { name: 'from a variable' }),
  ],
});
