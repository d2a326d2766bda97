import control from '../../../src/controls/network/eksEndpointNotPublic.js';
import { cases, tf } from '../../helpers/cases.js';

const tfCluster = (vpc: string, before = '') => `${before}resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/eks"
  version  = "1.31"

${vpc}}
`;

export default cases(control, {
  pass: [
    { name: 'private endpoint only', template: `Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/eks
      ResourcesVpcConfig:
        SubnetIds: [subnet-0a, subnet-0b]
        EndpointPrivateAccess: true
        EndpointPublicAccess: false # <--
` },
    { name: 'public endpoint limited to an office network', template: `Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/eks
      ResourcesVpcConfig:
        SubnetIds: [subnet-0a, subnet-0b]
        EndpointPublicAccess: true
        PublicAccessCidrs: # <--
          - 203.0.113.0/24
` },
    tf(tfCluster(`  vpc_config {
    subnet_ids              = ["subnet-0a1b2c3d", "subnet-0e1f2a3b"]
    endpoint_private_access = true
    endpoint_public_access  = false # <--
  }
`), { name: 'private endpoint only' }),
    tf(tfCluster(`  vpc_config {
    subnet_ids          = ["subnet-0a1b2c3d", "subnet-0e1f2a3b"]
    public_access_cidrs = ["203.0.113.0/24"] # <--
  }
`), { name: 'public endpoint limited to an office network' }),
  ],
  fail: [
    { name: 'nothing set: public to 0.0.0.0/0 by default', template: `Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/eks
      ResourcesVpcConfig: # <--
        SubnetIds: [subnet-0a, subnet-0b]
` },
    { name: 'public endpoint open to the world', template: `Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/eks
      ResourcesVpcConfig:
        SubnetIds: [subnet-0a, subnet-0b]
        EndpointPublicAccess: true
        PublicAccessCidrs: [0.0.0.0/0] # <--
` },
    { name: 'public explicitly, no CIDRs', template: `Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/eks
      ResourcesVpcConfig:
        SubnetIds: [subnet-0a]
        EndpointPublicAccess: true # <--
` },
    tf(tfCluster(`  vpc_config { # <--
    subnet_ids = ["subnet-0a1b2c3d", "subnet-0e1f2a3b"]
  }
`), { name: 'nothing set: public to 0.0.0.0/0 by default' }),
    tf(tfCluster(`  vpc_config {
    subnet_ids              = ["subnet-0a1b2c3d", "subnet-0e1f2a3b"]
    endpoint_private_access = true
    endpoint_public_access  = true
    public_access_cidrs     = ["0.0.0.0/0"] # <--
  }
`), { name: 'public endpoint open to the world' }),
    tf(tfCluster(`  vpc_config {
    subnet_ids             = ["subnet-0a1b2c3d"]
    endpoint_public_access = true # <--
  }
`), { name: 'public explicitly, no CIDRs' }),
  ],
  unknown: [
    { name: 'allowed networks from a parameter', template: `Parameters:
  AdminCidrs: { Type: CommaDelimitedList }
Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/eks
      ResourcesVpcConfig:
        SubnetIds: [subnet-0a]
        PublicAccessCidrs: !Ref AdminCidrs # <--
` },
    { name: 'public access from a parameter, open CIDRs', template: `Parameters:
  Public: { Type: String }
Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/eks
      ResourcesVpcConfig:
        SubnetIds: [subnet-0a]
        EndpointPublicAccess: !Ref Public # <--
` },
    tf(tfCluster(`  vpc_config {
    subnet_ids          = ["subnet-0a1b2c3d"]
    public_access_cidrs = var.admin_cidrs # <--
  }
`, 'variable "admin_cidrs" {\n  type = list(string)\n}\n\n'), { name: 'allowed networks from a variable without a value' }),
    tf(tfCluster(`  vpc_config {
    subnet_ids             = ["subnet-0a1b2c3d"]
    endpoint_public_access = var.public_endpoint # <--
  }
`, 'variable "public_endpoint" {\n  type = bool\n}\n\n'), { name: 'public access from a variable without a value, open CIDRs' }),
  ],
});
