import { defineControl } from '../api.js';
import { isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-DDB-002',
  title: 'DynamoDB tables are encrypted with a KMS key',
  domain: 'data-protection',
  severity: 'low',
  resourceTypes: ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable', 'AWS::Serverless::SimpleTable'],
  rationale: 'Every DynamoDB table is encrypted at rest; by default with a key owned by DynamoDB that you cannot see, audit or revoke. Choosing KMS (the aws/dynamodb key, or better a customer managed key) puts key use in CloudTrail and under a key policy you control.',
  remediation: 'Set SSESpecification.SSEEnabled: true with SSEType: KMS, and KMSMasterKeyId (on the table, or on each replica of a global table) to a customer managed key.',
  remediationTerraform: 'Add server_side_encryption { enabled = true, kms_key_arn = <customer managed key ARN> } to the aws_dynamodb_table (and kms_key_arn in each replica block of a global table); without enabled = true the table uses the DynamoDB owned key.',
  references: { checkov: [], trivy: [], cfn_nag: ['W74'], cdk_nag: [], guard: ['DYNAMODB_TABLE_ENCRYPTED_KMS'] },
  evaluate(r) {
    return r.expect('SSESpecification.SSEEnabled', isTrue, {
      pass: 'the table is encrypted with a KMS key',
      fail: 'SSESpecification.SSEEnabled is not true: the table is encrypted only with the DynamoDB owned key',
      unknown: 'KMS encryption depends on a deploy-time value',
    });
  },
});
