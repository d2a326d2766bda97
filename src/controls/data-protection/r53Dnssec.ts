import { decide, defineControl, evidenceAt, type Outcome } from '../api.js';
import { asString } from '../../model/value.js';
import { isPresent } from '../predicates.js';
import { configuring, locOf, noneFound, otherEvidence } from '../lib/workloads.js';

export default defineControl({
  id: 'AT-R53-002',
  title: 'Route 53 public hosted zones are signed with DNSSEC',
  domain: 'data-protection',
  severity: 'low',
  resourceTypes: ['AWS::Route53::HostedZone'],
  rationale: 'Without DNSSEC, a resolver cannot tell a genuine answer for the domain from a forged one, so cache poisoning or an on-path attacker can send its users elsewhere. Signing the zone (and publishing the DS record at the parent) lets validating resolvers reject forged answers. Private zones are not reachable from the internet and are not signed.',
  remediation: 'Declare an AWS::Route53::KeySigningKey (Status ACTIVE, with a KMS key in us-east-1) and an AWS::Route53::DNSSEC whose HostedZoneId references the zone, then publish the DS record at the parent zone.',
  remediationTerraform: 'Declare an aws_route53_key_signing_key (status "ACTIVE", with a KMS key in us-east-1) and an aws_route53_hosted_zone_dnssec whose hosted_zone_id references the zone, then publish the DS record at the parent zone.',
  references: { checkov: ['CKV2_AWS_38'] },
  evaluate(r): Outcome {
    const priv = decide(r.get('VPCs'), isPresent);
    if (priv === true) return r.notApplicable('a private hosted zone (associated with VPCs): DNSSEC signing applies to public zones');
    if (priv !== false) return r.unknown('cannot tell whether the zone is private', priv.unknown, r.locate('VPCs'), [r.evidence('VPCs')]);
    const signers = configuring(r, ['AWS::Route53::DNSSEC'], 'HostedZoneId');
    if (!signers.length) return noneFound(r, 'no AWS::Route53::DNSSEC in the scanned templates names this zone: it is not signed (signing set up outside them would not be seen)', 'AWS::Route53::DNSSEC');
    const s = signers[0];
    const status = s.properties.props.get('SigningStatus');
    const d = decide(status, (v) => (v && v.k === 'unknown' ? { unknown: v } : (asString(v) ?? 'SIGNING').toUpperCase() === 'SIGNING'));
    const ev = [otherEvidence(s, 'HostedZoneId', 'DNSSEC for this zone'), ...(status ? [otherEvidence(s, 'SigningStatus')] : [])];
    if (d === true) return r.pass(`${s.id} signs the zone with DNSSEC`, locOf(s, 'HostedZoneId'), ev);
    if (d === false) return r.fail(`${s.id} sets signing_status ${asString(status)}: the zone is not signed`, locOf(s, 'SigningStatus'), ev);
    return r.unknown('the signing status depends on a deploy-time value', d.unknown, locOf(s, 'SigningStatus'), [evidenceAt(`${s.id}.SigningStatus`, status, locOf(s, 'SigningStatus'))]);
  },
});
