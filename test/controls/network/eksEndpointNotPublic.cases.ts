import control from '../../../src/controls/network/eksEndpointNotPublic.js';
import { cases } from '../../helpers/cases.js';

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
  ],
});
