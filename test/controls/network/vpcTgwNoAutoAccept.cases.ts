import control from '../../../src/controls/network/vpcTgwNoAutoAccept.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Tgw: # <--
    Type: AWS::EC2::TransitGateway
    Properties:
      Description: hub
`,
    `Resources:
  Tgw:
    Type: AWS::EC2::TransitGateway
    Properties:
      AutoAcceptSharedAttachments: disable # <--
`,
    tf(`resource "aws_ec2_transit_gateway" "hub" { # <--
  description = "hub"
}
`, { name: 'auto_accept_shared_attachments not set (disable)' }),
    tf(`resource "aws_ec2_transit_gateway" "hub" {
  description                    = "hub"
  auto_accept_shared_attachments = "disable" # <--
}
`, { name: 'auto_accept_shared_attachments = disable' }),
  ],
  fail: [
    `Resources:
  Tgw:
    Type: AWS::EC2::TransitGateway
    Properties:
      AutoAcceptSharedAttachments: enable # <--
`,
    tf(`resource "aws_ec2_transit_gateway" "hub" {
  description                    = "hub"
  auto_accept_shared_attachments = "enable" # <--
}
`, { name: 'auto_accept_shared_attachments = enable' }),
  ],
  unknown: [
    { name: 'parameter without a value', template: `Parameters:
  Accept: { Type: String }
Resources:
  Tgw:
    Type: AWS::EC2::TransitGateway
    Properties:
      AutoAcceptSharedAttachments: !Ref Accept # <--
` },
    tf(`variable "accept" {
  type = string
}

resource "aws_ec2_transit_gateway" "hub" {
  auto_accept_shared_attachments = var.accept # <--
}
`, { name: 'from a variable without a value' }),
  ],
});
