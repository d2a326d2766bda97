import { defineControl } from '../api.js';
import { isFalse } from '../predicates.js';

export default defineControl({
  id: 'AT-DMS-001',
  title: 'DMS replication instances are not publicly accessible',
  domain: 'network',
  severity: 'high',
  resourceTypes: ['AWS::DMS::ReplicationInstance'],
  rationale: 'A publicly accessible replication instance gets a public IP address, exposing the host that holds credentials to both source and target databases and the data in flight. In CloudFormation an instance is public unless PubliclyAccessible is false; the Terraform provider sends false when the argument is left out.',
  remediation: 'Set PubliclyAccessible: false and place the instance in a private replication subnet group.',
  remediationTerraform: 'Set publicly_accessible = false on the aws_dms_replication_instance and place it in an aws_dms_replication_subnet_group of private subnets.',
  references: { checkov: ['CKV_AWS_89'], trivy: [], cfn_nag: ['W91'], cdk_nag: [], guard: ['DMS_REPLICATION_NOT_PUBLIC'] },
  evaluate(r) {
    return r.expect('PubliclyAccessible', isFalse, {
      pass: 'the replication instance has only a private address',
      fail: 'PubliclyAccessible is not false: the replication instance gets a public IP address (the CloudFormation default is public)',
      unknown: 'public accessibility depends on a deploy-time value',
    });
  },
});
