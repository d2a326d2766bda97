import control from '../../../src/controls/iam/ec2ImdsHopLimit.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    { name: 'hop limit 1', template: `Resources:
  LT:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        MetadataOptions:
          HttpTokens: required
          HttpPutResponseHopLimit: 1 # <--
` },
    { name: 'not set: the default is 1', template: `Resources:
  LC: # <--
    Type: AWS::AutoScaling::LaunchConfiguration
    Properties:
      ImageId: ami-0123456789abcdef0
      InstanceType: t3.micro
` },
  ],
  fail: [
    { name: 'hop limit 2 in a launch template', template: `Resources:
  LT:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        MetadataOptions:
          HttpTokens: required
          HttpPutResponseHopLimit: 2 # <--
` },
    { name: 'instance inherits a raised hop limit from its launch template', template: `Resources:
  LT:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        MetadataOptions:
          HttpPutResponseHopLimit: 3 # <--
  Web:
    Type: AWS::EC2::Instance
    Properties:
      LaunchTemplate:
        LaunchTemplateId: !Ref LT
        Version: "1"
` },
  ],
  unknown: [
    { name: 'hop limit from a parameter without default', template: `Parameters:
  Hops: { Type: Number }
Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties:
      MetadataOptions:
        HttpPutResponseHopLimit: !Ref Hops # <--
` },
  ],
});
