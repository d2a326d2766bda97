import control from '../../../src/controls/network/sagemakerDomainVpcOnly.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  R:
    Type: AWS::SageMaker::Domain
    Properties:
      DomainName: research
      AuthMode: IAM
      VpcId: vpc-1
      SubnetIds: [subnet-1]
      DefaultUserSettings:
        ExecutionRole: arn:aws:iam::111122223333:role/studio
      AppNetworkAccessType: VpcOnly # <--
`,
    tf(`resource "aws_sagemaker_domain" "research" {
  app_network_access_type = "VpcOnly" # <--
  domain_name = "research"
  auth_mode   = "IAM"
  vpc_id      = "vpc-1"
  subnet_ids  = ["subnet-1"]
  
  default_user_settings {
    execution_role = "arn:aws:iam::111122223333:role/studio"
  }
}
`, { name: 'VpcOnly' }),
  ],
  fail: [
    { name: 'left out', template: `Resources:
  R: # <--
    Type: AWS::SageMaker::Domain
    Properties:
      DomainName: research
      AuthMode: IAM
      VpcId: vpc-1
      SubnetIds: [subnet-1]
      DefaultUserSettings:
        ExecutionRole: arn:aws:iam::111122223333:role/studio
` },
    tf(`resource "aws_sagemaker_domain" "research" { # <--
  domain_name = "research"
  auth_mode   = "IAM"
  vpc_id      = "vpc-1"
  subnet_ids  = ["subnet-1"]
  
  default_user_settings {
    execution_role = "arn:aws:iam::111122223333:role/studio"
  }
}
`, { name: 'left out' }),
    tf(`resource "aws_sagemaker_domain" "research" {
  app_network_access_type = "PublicInternetOnly" # <--
  domain_name = "research"
  auth_mode   = "IAM"
  vpc_id      = "vpc-1"
  subnet_ids  = ["subnet-1"]
  
  default_user_settings {
    execution_role = "arn:aws:iam::111122223333:role/studio"
  }
}
`, { name: 'PublicInternetOnly' }),
  ],
  unknown: [
    { name: 'parameter without a value', template: `Parameters:
  Access: { Type: String }
Resources:
  R:
    Type: AWS::SageMaker::Domain
    Properties:
      DomainName: research
      AuthMode: IAM
      VpcId: vpc-1
      SubnetIds: [subnet-1]
      DefaultUserSettings:
        ExecutionRole: arn:aws:iam::111122223333:role/studio
      AppNetworkAccessType: !Ref Access # <--
` },
    tf(`variable "access" {
  type = string
}

resource "aws_sagemaker_domain" "research" {
  app_network_access_type = var.access # <--
  domain_name = "research"
  auth_mode   = "IAM"
  vpc_id      = "vpc-1"
  subnet_ids  = ["subnet-1"]
  
  default_user_settings {
    execution_role = "arn:aws:iam::111122223333:role/studio"
  }
}
`, { name: 'from a variable' }),
  ],
});
