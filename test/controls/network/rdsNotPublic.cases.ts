import control from '../../../src/controls/network/rdsNotPublic.js';
import { cases, tf } from '../../helpers/cases.js';
import { TF_MEMBER, markResource, tfCluster, tfInstance, tfVar } from '../builders/rds.js';

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
    tf(markResource(tfInstance(), 'aws_db_instance.db'), { name: 'aws_db_instance without publicly_accessible: the provider sends false' }),
    tf(tfInstance('  publicly_accessible = false # <--'), { name: 'publicly_accessible = false' }),
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
    tf(tfInstance('  publicly_accessible = true # <--'), { name: 'aws_db_instance publicly_accessible = true' }),
    tf(tfCluster('').concat(TF_MEMBER.replace('  instance_class     = "db.r6g.large"\n', '  instance_class     = "db.r6g.large"\n  publicly_accessible = true # <--\n')), { name: 'aws_rds_cluster_instance publicly_accessible = true' }),
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
    tf(tfInstance('  publicly_accessible = var.public # <--', { before: tfVar('public', 'bool') }), { name: 'publicly_accessible from a variable without a value' }),
    tf(tfCluster('').concat(TF_MEMBER.replace('"member" {\n', '"member" { # <--\n')), { name: 'aws_rds_cluster_instance without publicly_accessible: no provider default is assumed, the network decides' }),
  ],
});
