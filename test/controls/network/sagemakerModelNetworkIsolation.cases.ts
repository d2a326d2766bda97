import control from '../../../src/controls/network/sagemakerModelNetworkIsolation.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  R:
    Type: AWS::SageMaker::Model
    Properties:
      ExecutionRoleArn: arn:aws:iam::111122223333:role/model
      PrimaryContainer:
        Image: 111122223333.dkr.ecr.eu-west-1.amazonaws.com/churn:1
      EnableNetworkIsolation: true # <--
`,
    tf(`resource "aws_sagemaker_model" "churn" {
  enable_network_isolation = true # <--
  name               = "churn"
  execution_role_arn = "arn:aws:iam::111122223333:role/model"
  
  primary_container {
    image = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/churn:1"
  }
}
`, { name: 'true' }),
  ],
  fail: [
    { name: 'left out', template: `Resources:
  R: # <--
    Type: AWS::SageMaker::Model
    Properties:
      ExecutionRoleArn: arn:aws:iam::111122223333:role/model
      PrimaryContainer:
        Image: 111122223333.dkr.ecr.eu-west-1.amazonaws.com/churn:1
` },
    tf(`resource "aws_sagemaker_model" "churn" { # <--
  name               = "churn"
  execution_role_arn = "arn:aws:iam::111122223333:role/model"
  
  primary_container {
    image = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/churn:1"
  }
}
`, { name: 'left out' }),
    tf(`resource "aws_sagemaker_model" "churn" {
  enable_network_isolation = false # <--
  name               = "churn"
  execution_role_arn = "arn:aws:iam::111122223333:role/model"
  
  primary_container {
    image = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/churn:1"
  }
}
`, { name: 'false' }),
  ],
  unknown: [
    { name: 'parameter without a value', template: `Parameters:
  Iso: { Type: String }
Resources:
  R:
    Type: AWS::SageMaker::Model
    Properties:
      ExecutionRoleArn: arn:aws:iam::111122223333:role/model
      PrimaryContainer:
        Image: 111122223333.dkr.ecr.eu-west-1.amazonaws.com/churn:1
      EnableNetworkIsolation: !Ref Iso # <--
` },
    tf(`variable "iso" {
  type = bool
}

resource "aws_sagemaker_model" "churn" {
  name                     = "churn"
  execution_role_arn       = "arn:aws:iam::111122223333:role/model"
  enable_network_isolation = var.iso # <--
}
`, { name: 'from a variable' }),
  ],
});
