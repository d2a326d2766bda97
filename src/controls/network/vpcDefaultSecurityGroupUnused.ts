import { defineControl, evidenceAt, type Outcome } from '../api.js';

export default defineControl({
  id: 'AT-VPC-005',
  title: 'Templates add no rules to a VPC\'s default security group',
  domain: 'network',
  severity: 'medium',
  resourceTypes: ['AWS::EC2::VPC'],
  rationale: 'Resources launched without an explicit security group land in the VPC default group; opening that group silently exposes everything that forgot to choose one.',
  remediation: 'Remove AWS::EC2::SecurityGroupIngress/Egress resources whose GroupId is !GetAtt <Vpc>.DefaultSecurityGroup; create a dedicated security group instead.',
  remediationTerraform: 'Remove the ingress and egress blocks of the VPC\'s aws_default_security_group (Terraform then removes all its rules) and any rule whose security_group_id is the VPC\'s default_security_group_id; create a dedicated aws_security_group instead.',
  references: {},
  evaluate(r) {
    const added = [...r.graph.referrers(r.resource, 'AWS::EC2::SecurityGroupIngress'), ...r.graph.referrers(r.resource, 'AWS::EC2::SecurityGroupEgress')]
      .filter((x) => {
        const g = x.properties.props.get('GroupId');
        return g?.k === 'ref' && g.resource === r.id && g.attr === 'DefaultSecurityGroup';
      });
    if (added.length === 0) {
      return r.pass('no rule in the scanned templates is added to this VPC\'s default security group', r.resource.loc,
        [evidenceAt('DefaultSecurityGroup', undefined, r.resource.loc, 'no AWS::EC2::SecurityGroupIngress/Egress targets !GetAtt ' + r.id + '.DefaultSecurityGroup')]);
    }
    return added.map((x): Outcome => {
      const at = x.properties.keyLocs.get('GroupId') ?? x.loc;
      return r.fail(`${x.id} (${x.type}) adds a rule to the default security group of ${r.id}`, at,
        [evidenceAt('Properties.GroupId', x.properties.props.get('GroupId'), at, `rule resource ${x.id}`)]);
    });
  },
});
