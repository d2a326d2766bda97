import control from '../../../src/controls/iam/ec2ImdsV2Required.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    { name: 'launch template requires tokens', template: `Resources:
  LT:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        ImageId: ami-0123456789abcdef0
        MetadataOptions:
          HttpTokens: required # <--
          HttpEndpoint: enabled
` },
    { name: 'instance takes the setting from a launch template named by a literal name', template: `Resources:
  LT:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateName: web
      LaunchTemplateData:
        MetadataOptions:
          HttpTokens: required # <--
  Web:
    Type: AWS::EC2::Instance
    Properties:
      LaunchTemplate:
        LaunchTemplateName: web
        Version: "1"
` },
    { name: 'instance follows !Ref to its launch template', template: `Resources:
  LT:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        MetadataOptions:
          HttpTokens: required # <--
  Web:
    Type: AWS::EC2::Instance
    Properties:
      LaunchTemplate:
        LaunchTemplateId: !Ref LT
        Version: !GetAtt LT.LatestVersionNumber
` },
    { name: 'instance sets its own metadata options', template: `Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0123456789abcdef0
      MetadataOptions:
        HttpTokens: required # <--
` },
    { name: 'launch configuration', template: `Resources:
  LC:
    Type: AWS::AutoScaling::LaunchConfiguration
    Properties:
      ImageId: ami-0123456789abcdef0
      InstanceType: t3.micro
      MetadataOptions:
        HttpTokens: required # <--
` },
    { name: 'metadata endpoint disabled', template: `Resources:
  LT:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        MetadataOptions:
          HttpEndpoint: disabled # <--
` },
  ],
  fail: [
    { name: 'tokens optional', template: `Resources:
  LT:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        MetadataOptions:
          HttpTokens: optional # <--
` },
    { name: 'launch template without metadata options: the block that lacks them', template: `Resources:
  LT:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateName: web
      LaunchTemplateData: # <--
        ImageId: ami-0123456789abcdef0
        InstanceType: t3.micro
` },
    { name: 'instance without metadata options or launch template', template: `Resources:
  Web: # <--
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0123456789abcdef0
      InstanceType: t3.micro
` },
    { name: 'instance through a launch template that leaves tokens optional', template: `Resources:
  LT:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        MetadataOptions:
          HttpTokens: optional # <--
  Web:
    Type: AWS::EC2::Instance
    Properties:
      LaunchTemplate:
        LaunchTemplateId: !Ref LT
        Version: "1"
` },
    { name: 'launch configuration, tokens optional', template: `Resources:
  LC:
    Type: AWS::AutoScaling::LaunchConfiguration
    Properties:
      ImageId: ami-0123456789abcdef0
      InstanceType: t3.micro
      MetadataOptions:
        HttpEndpoint: enabled
        HttpTokens: optional # <--
` },
  ],
  unknown: [
    { name: 'tokens from a parameter without default', template: `Parameters:
  Tokens: { Type: String }
Resources:
  LT:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        MetadataOptions:
          HttpTokens: !Ref Tokens # <--
` },
    { name: 'launch template not in the scanned templates', template: `Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties:
      LaunchTemplate: # <--
        LaunchTemplateId: lt-0123456789abcdef0
        Version: "3"
` },
  ],
});
