// Why Attest does not reach Trivy's label on some of Trivy's Terraform examples
// (corpus trivy-examples/examples.json). Keyed "<check> <good|bad>[i]" as the agreement
// bench names its cases. test/agreement.test.ts fails on any Terraform disagreement that has
// no entry here: fix Attest when it is wrong, otherwise say here why its answer stands.
//
// kind: 'label'   - Trivy's label is arguable; Attest's answer is the true one for the configuration.
//       'scope'   - the two checks ask different questions; Attest answers its own truthfully.
//       'example' - the example is incomplete or not what it means to show.
//       'pending' - Attest is wrong or cannot read the example yet, and the fix belongs to another
//                   piece of work (named); the entry goes when that lands.
//       'agrees'  - no verdict, and none is owed: the resource is out of the control's scope,
//                   which is what Trivy's "good" means too.
export interface AgreementNote { kind: 'label' | 'scope' | 'example' | 'pending' | 'agrees'; why: string }

export const TRIVY_TERRAFORM_NOTES: Record<string, AgreementNote> = {
  // Disagreements.
  'AVD-AWS-0004 good[1]': { kind: 'label', why: 'authorization = "NONE" with api_key_required = true. Trivy counts the API key as access control; AT-APIGW-002 does not: an API key identifies a caller for usage plans and throttling, it is not an authentication mechanism, and whoever holds it can call the method.' },
  'AVD-AWS-0004 good[2]': { kind: 'example', why: 'http_method = "OPTION". Trivy exempts that literal string; the CORS preflight method is OPTIONS, which AT-APIGW-002 exempts. "OPTION" is not an HTTP method, so Attest treats the method as an ordinary one open to anyone.' },
  'AVD-AWS-0013 good[3]': { kind: 'label', why: 'cloudfront_default_certificate = true with minimum_protocol_version = "TLSv1.0". Trivy skips distributions on the default *.cloudfront.net certificate; on that certificate CloudFront accepts TLS 1.0 from viewers whatever the minimum says, which is what AT-CF-002 forbids.' },
  'AVD-AWS-0033 bad[1]': { kind: 'scope', why: 'encryption_type = "KMS" without kms_key. Trivy demands a customer managed key; AT-ECR-003 (like Checkov CKV_AWS_136) asks for KMS encryption, which the AWS managed aws/ecr key gives. The pass is true for the control as stated.' },
  'AVD-AWS-0065 good[1]': { kind: 'pending', why: 'Attest is wrong here. key_usage = "SIGN_VERIFY" is only valid for asymmetric keys (KMS accepts SYMMETRIC_DEFAULT only with ENCRYPT_DECRYPT), and asymmetric keys cannot rotate, so the key is out of scope. AT-KMS-001 looks at KeySpec only; it should also return not_applicable for KeyUsage SIGN_VERIFY or GENERATE_VERIFY_MAC (the same gap exists in CloudFormation). KMS is helper tfgaps\'s family this session.' },
  'AVD-AWS-0077 good[0]': { kind: 'label', why: 'backup_retention_period = 5. Trivy only asks for more than the 1-day default; AT-RDS-004 asks for at least 7 days, the default minimum of the AWS Config rule rds-cluster-backup-retention-check, so 5 days fails by design.' },
  'AVD-AWS-0077 good[1]': { kind: 'label', why: 'backup_retention_period = 5 on aws_db_instance: same threshold difference as good[0] (Trivy > 1 day, AT-RDS-004 >= 7 days).' },
  'AVD-AWS-0094 good[0]': { kind: 'scope', why: 'Trivy only asks that an aws_s3_bucket_public_access_block exists. This one leaves ignore_public_acls and restrict_public_buckets unset (false), so public ACLs already on the bucket or its objects still take effect; AT-S3-002 requires all four settings.' },
  'AVD-AWS-0096 bad[0]': { kind: 'label', why: 'aws_sqs_queue without encryption arguments. Since October 2022 SQS encrypts new queues with SSE-SQS unless told otherwise, and the AWS provider sends sqs_managed_sse_enabled only when it is written (terraform-provider-aws pull request 27335), so the queue is encrypted at rest. Trivy\'s label predates that default.' },
  'AVD-AWS-0162 good[0]': { kind: 'label', why: 'cloud_watch_logs_group_arn without cloud_watch_logs_role_arn. CloudTrail needs the role to write to the log group, so no event reaches CloudWatch Logs; Trivy looks at the group alone.' },
  // Written ahead for the governance branch (account password policy, CloudTrail S3 data
  // events), whose combined controls are mapped to Trivy's one-part checks.
  'AVD-AWS-0056 good[0]': { kind: 'label', why: 'password_reuse_prevention = 5. Trivy accepts 5 remembered passwords; AT-IAM-017 asks for 24, the CIS AWS Foundations Benchmark figure, so 5 fails by design.' },
  // Unknown: Attest could not decide.
  'AVD-AWS-0057 good[0]': { kind: 'pending', why: 'The policy document refers to data.aws_caller_identity.current and aws_s3_bucket.example, which the example does not declare, and a policy document with any part unknown is unknown as a whole on main. Branch tfsem reads such documents with only those parts unknown, after which AT-IAM-001/002/003 pass here (the actions are known).' },
  'AVD-AWS-0057 bad[0]': { kind: 'pending', why: 'The policy document refers to data.aws_caller_identity.current, which the example does not declare, so the whole document is unknown on main. With branch tfsem\'s partly known documents, AT-IAM-002 and AT-IAM-003 fail on "s3:*" on Resource "*".' },
  // No verdict.
  'AVD-AWS-0002 good[1]': { kind: 'agrees', why: 'caching_enabled = false: with no response cache there is nothing to encrypt, so AT-APIGW-003 is not applicable.' },
  'AVD-AWS-0078 good[1]': { kind: 'agrees', why: 'performance_insights_enabled = false: with Performance Insights off there is no data to encrypt, so AT-RDS-010 is not applicable.' },
};

/** The key of a case in TRIVY_TERRAFORM_NOTES. */
export const noteKey = (c: { check: string; name: string }) => `${c.check} ${c.name}`;
