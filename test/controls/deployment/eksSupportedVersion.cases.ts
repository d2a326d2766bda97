import control from '../../../src/controls/deployment/eksSupportedVersion.js';
import { cases, tf } from '../../helpers/cases.js';

// The case tables run with today = 2026-01-01.
const cfn = (version: string, before = '') => `${before}Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/eks
      ResourcesVpcConfig:
        SubnetIds: [subnet-0a, subnet-0b]
${version}`;

const hcl = (version: string, before = '') => `${before}resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/eks"
${version}
  vpc_config {
    subnet_ids = ["subnet-0a", "subnet-0b"]
  }
}
`;

export default cases(control, {
  pass: [
    { name: '1.33 (standard support until 2026-07-29)', template: cfn('      Version: "1.33" # <--\n') },
    tf(hcl('  version  = "1.34" # <--'), { name: 'version = 1.34' }),
  ],
  fail: [
    { name: '1.31 left standard support on 2025-11-26', template: cfn('      Version: "1.31" # <--\n') },
    { name: '1.27, long out of support', template: cfn('      Version: "1.27" # <--\n') },
    tf(hcl('  version  = "1.30" # <--'), { name: 'version = 1.30' }),
  ],
  unknown: [
    { name: 'not set: the default of the day', template: cfn('      Tags: []\n').replace('  Cluster:\n', '  Cluster: # <--\n') },
    { name: 'a version newer than the table', template: cfn('      Version: "1.40" # <--\n') },
    { name: 'version from a parameter without default', template: cfn('      Version: !Ref K8sVersion # <--\n', 'Parameters:\n  K8sVersion: { Type: String }\n') },
    tf(hcl('').replace('"main" {\n', '"main" { # <--\n'), { name: 'version not set' }),
    tf(hcl('  version  = var.k8s_version # <--', 'variable "k8s_version" {\n  type = string\n}\n\n'), { name: 'version from a variable without a value' }),
  ],
});
