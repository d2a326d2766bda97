import { defineControl, evidenceAt } from '../api.js';

export default defineControl({
  id: 'AT-VPC-001',
  title: 'VPCs have flow logs enabled',
  domain: 'network',
  severity: 'medium',
  resourceTypes: ['AWS::EC2::VPC'],
  rationale: 'Flow logs are the only record of which addresses talked to which resources; without them, investigating an intrusion or exfiltration in the VPC is guesswork.',
  remediation: 'Declare an AWS::EC2::FlowLog with ResourceType VPC and ResourceId !Ref <Vpc>, delivering to CloudWatch Logs or S3 (TrafficType ALL, or at least REJECT).',
  remediationTerraform: 'Declare an aws_flow_log with vpc_id set to the VPC, traffic_type = "ALL" (or at least "REJECT") and log_destination naming a CloudWatch Logs group (with iam_role_arn) or an S3 bucket (log_destination_type = "s3").',
  references: { checkov: ['CKV2_AWS_11'], trivy: ['AVD-AWS-0178'], cdk_nag: ['AwsSolutions-VPC7'] },
  evaluate(r) {
    const logs = r.graph.referrers(r.resource, 'AWS::EC2::FlowLog').filter((f) => {
      const id = f.properties.props.get('ResourceId');
      const ids = f.properties.props.get('ResourceIds');
      if (r.graph.target(f, id) === r.resource) return true;
      return ids?.k === 'list' && ids.items.some((i) => r.graph.target(f, i) === r.resource);
    });
    if (logs.length) {
      const ev = logs.map((f) => {
        const key = f.properties.props.has('ResourceId') ? 'ResourceId' : 'ResourceIds';
        return evidenceAt(`Properties.${key}`, f.properties.props.get(key), f.properties.keyLocs.get(key) ?? f.loc, `flow log ${f.id}`);
      });
      return r.pass(`flow logs are enabled by ${logs.map((f) => f.id).join(', ')}`, logs[0].properties.keyLocs.get('ResourceId') ?? logs[0].loc, ev);
    }
    return r.fail('no AWS::EC2::FlowLog refers to this VPC (one declared outside the scanned templates would not be seen)', r.resource.loc,
      [evidenceAt('AWS::EC2::FlowLog', undefined, r.resource.loc, 'no flow log with ResourceId referring to this VPC')]);
  },
});
