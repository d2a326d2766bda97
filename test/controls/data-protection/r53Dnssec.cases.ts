import control from '../../../src/controls/data-protection/r53Dnssec.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Zone:
    Type: AWS::Route53::HostedZone
    Properties:
      Name: example.com
  Ksk:
    Type: AWS::Route53::KeySigningKey
    Properties:
      HostedZoneId: !Ref Zone
      KeyManagementServiceArn: arn:aws:kms:us-east-1:111122223333:key/abc
      Name: ksk1
      Status: ACTIVE
  Dnssec:
    Type: AWS::Route53::DNSSEC
    Properties:
      HostedZoneId: !Ref Zone # <--
`,
    tf(`resource "aws_route53_zone" "main" {
  name = "example.com"
}

resource "aws_route53_hosted_zone_dnssec" "main" {
  hosted_zone_id = aws_route53_zone.main.id # <--
}
`, { name: 'aws_route53_hosted_zone_dnssec' }),
  ],
  fail: [
    `Resources:
  Zone: # <--
    Type: AWS::Route53::HostedZone
    Properties:
      Name: example.com
`,
    tf(`resource "aws_route53_zone" "main" { # <--
  name = "example.com"
}
`, { name: 'no DNSSEC' }),
    tf(`resource "aws_route53_zone" "main" {
  name = "example.com"
}

resource "aws_route53_hosted_zone_dnssec" "main" {
  hosted_zone_id = aws_route53_zone.main.id
  signing_status = "NOT_SIGNING" # <--
}
`, { name: 'signing_status NOT_SIGNING' }),
  ],
  not_applicable: [
    `Resources:
  Zone:
    Type: AWS::Route53::HostedZone
    Properties:
      Name: corp.internal
      VPCs: [{ VPCId: vpc-1, VPCRegion: eu-west-1 }]
`,
  ],
});
