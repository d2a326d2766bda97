import control from '../../../src/controls/network/vpcEndpointPolicyRestricted.js';
import { cases } from '../../helpers/cases.js';

const endpoint = (policy: string, extra = '') => `${extra}Resources:
  S3Endpoint:
    Type: AWS::EC2::VPCEndpoint
    Properties:
      VpcId: vpc-0123456789abcdef0
      ServiceName: !Sub com.amazonaws.\${AWS::Region}.s3
      RouteTableIds: [rtb-0123456789abcdef0]
${policy}`;

export default cases(control, {
  pass: [
    { name: 'full access limited to the organisation', template: endpoint(`      PolicyDocument: # <--
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: "*"
            Action: "*"
            Resource: "*"
            Condition:
              StringEquals:
                aws:PrincipalOrgID: o-exampleorgid
`) },
    { name: 'named actions on named buckets', template: endpoint(`      PolicyDocument: # <--
        Statement:
          - Effect: Allow
            Principal: "*"
            Action: [s3:GetObject, s3:PutObject]
            Resource: arn:aws:s3:::app-artifacts/*
`) },
  ],
  fail: [
    { name: 'no policy: the default allows everything', template: endpoint('').replace('  S3Endpoint:\n', '  S3Endpoint: # <--\n') },
    { name: 'explicit full access to anyone', template: endpoint(`      PolicyDocument:
        Statement:
          - Effect: Allow # <--
            Action: "*"
            Principal: "*"
            Resource: "*"
`) },
    { name: 'every action of the service, written as a JSON string', template: endpoint(`      PolicyDocument: '{"Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"s3:*","Resource":"*"}]}' # <--
`) },
  ],
  unknown: [
    { name: 'policy from a parameter', template: endpoint(`      PolicyDocument: !Ref Policy # <--
`, 'Parameters:\n  Policy: { Type: String }\n') },
  ],
  not_applicable: [
    endpoint('      VpcEndpointType: GatewayLoadBalancer\n'),
  ],
});
