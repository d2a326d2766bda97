import control from '../../../src/controls/network/wafAlbAssociated.js';
import { cases, tf } from '../../helpers/cases.js';

const lb = (props = '', mark = '') => `Resources:
  Lb:${mark}
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Subnets: [subnet-1, subnet-2]${props}
`;

const tfLb = (args = '', mark = '') => `resource "aws_lb" "web" {${mark}
  name    = "web"
  subnets = ["subnet-0a1b2c3d", "subnet-0e1f2a3b"]
${args}}
`;

export default cases(control, {
  pass: [
    `${lb()}  Assoc:
    Type: AWS::WAFv2::WebACLAssociation
    Properties: { ResourceArn: !Ref Lb, WebACLArn: acl } # <--
`,
    tf(`${tfLb()}
resource "aws_wafv2_web_acl_association" "web" {
  resource_arn = aws_lb.web.arn # <--
  web_acl_arn  = "arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/main/a1b2c3"
}
`),
  ],
  fail: [
    lb('', ' # <--'),
    lb('\n      Scheme: internet-facing # <--'),
    tf(tfLb('', ' # <--'), { name: 'internet-facing by default, no association' }),
    tf(tfLb('  internal = false # <--\n'), { name: 'explicitly internet-facing' }),
  ],
  unknown: [
    { name: 'scheme parameter without default', template: `Parameters:
  Scheme: { Type: String }
${lb('\n      Scheme: !Ref Scheme # <--')}` },
    tf(`variable "internal" {
  type = bool
}

${tfLb('  internal = var.internal # <--\n')}`, { name: 'internal from a variable without a value' }),
  ],
  not_applicable: [
    lb('\n      Scheme: internal'),
    lb('\n      Type: network'),
    tf(tfLb('  internal = true\n')),
    tf(tfLb('  load_balancer_type = "network"\n')),
  ],
});
