import control from '../../../src/controls/data-protection/rdsNotPublic.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      PubliclyAccessible: false
`,
    `Resources:
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      PubliclyAccessible: "false"
`,
    { name: "absent, subnet group in a VPC without internet gateway", template: `Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.0.0.0/16 }
  A:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24 }
  B:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24 }
  Group:
    Type: AWS::RDS::DBSubnetGroup
    Properties:
      DBSubnetGroupDescription: private
      SubnetIds: [!Ref A, !Ref B]
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBSubnetGroupName: !Ref Group
` },
  ],
  fail: [
    `Resources:
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      PubliclyAccessible: true
`,
    { name: "absent, subnet group in a VPC with an internet gateway", template: `Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.0.0.0/16 }
  A:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24 }
  B:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24 }
  Group:
    Type: AWS::RDS::DBSubnetGroup
    Properties:
      DBSubnetGroupDescription: private
      SubnetIds: [!Ref A, !Ref B]
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBSubnetGroupName: !Ref Group
  Igw:
    Type: AWS::EC2::InternetGateway
  Attach:
    Type: AWS::EC2::VPCGatewayAttachment
    Properties:
      VpcId: !Ref Vpc
      InternetGatewayId: !Ref Igw
` },
    { name: "parameter default true", template: `Parameters:
  Pub: { Type: String, Default: 'true' }
Resources:
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      PubliclyAccessible: !Ref Pub
` },
  ],
  unknown: [
    `Resources:
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
`,
    { name: "Fn::If on an undecidable condition", template: `Parameters:
  Env: { Type: String }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      PubliclyAccessible: !If [IsProd, false, true]
` },
  ],
});
