import control from '../../../src/controls/audit/eksControlPlaneLogging.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    { name: 'all five log types', template: `Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/eks
      ResourcesVpcConfig:
        SubnetIds: [subnet-0a]
      Logging:
        ClusterLogging:
          EnabledTypes: # <--
            - Type: api
            - Type: audit
            - Type: authenticator
            - Type: controllerManager
            - Type: scheduler
` },
  ],
  fail: [
    { name: 'logging not configured', template: `Resources:
  Cluster: # <--
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/eks
      ResourcesVpcConfig:
        SubnetIds: [subnet-0a]
` },
    { name: 'authenticator log missing', template: `Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/eks
      ResourcesVpcConfig:
        SubnetIds: [subnet-0a]
      Logging:
        ClusterLogging:
          EnabledTypes: # <--
            - Type: api
            - Type: audit
` },
  ],
  unknown: [
    { name: 'a log type from a parameter', template: `Parameters:
  Extra: { Type: String }
Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/eks
      ResourcesVpcConfig:
        SubnetIds: [subnet-0a]
      Logging:
        ClusterLogging:
          EnabledTypes:
            - Type: api
            - Type: audit
            - Type: !Ref Extra # <--
` },
  ],
});
