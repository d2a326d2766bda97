// A realistic report built by hand: every status, a suppression (live and expired),
// dependsOn, evidence with a note, a source with errors, and hostile strings.
import type { Control } from '../../src/controls/api.js';
import type { DomainId, Finding, Unevaluated } from '../../src/model/types.js';
import { DOMAINS } from '../../src/model/types.js';
import { buildReport, type Report } from '../../src/report/model.js';
import type { SourceInfo } from '../../src/sources/cloudformation/load.js';

const refs = (o: Partial<Finding['references']> = {}): Finding['references'] => ({ checkov: [], trivy: [], cfn_nag: [], cdk_nag: [], ...o });

export const FINDINGS: Finding[] = [
  {
    controlId: 'AT-S3-001', title: 'S3 bucket blocks public access', domain: 'data-protection', status: 'fail', severity: 'high',
    message: 'PublicAccessBlockConfiguration is not set, so <script>alert(1)</script> & "quotes" | pipes, commas can be public',
    resource: { type: 'AWS::S3::Bucket', id: 'DataBucket', file: 'infra/app.yaml', line: 12 },
    location: { file: 'infra/app.yaml', line: 12, column: 3 },
    evidence: [{ path: 'Properties.PublicAccessBlockConfiguration', value: '(not set)', file: 'infra/app.yaml', line: 12, column: 3, note: 'defaults to no block' }],
    references: refs({ checkov: ['CKV_AWS_53', 'CKV_AWS_54'], trivy: ['AVD-AWS-0086'], cfn_nag: ['W51'] }),
    frameworks: { 'nist-800-53-rev5': ['AC-3', 'AC-4'], 'soc2-tsc-2017': ['CC6.1'] },
  },
  {
    controlId: 'AT-S3-001', title: 'S3 bucket blocks public access', domain: 'data-protection', status: 'pass', severity: 'high',
    message: 'all four public access block settings are true',
    resource: { type: 'AWS::S3::Bucket', id: 'LogBucket', file: 'infra/app.yaml', line: 30 },
    location: { file: 'infra/app.yaml', line: 32, column: 7 },
    evidence: [{ path: 'Properties.PublicAccessBlockConfiguration.BlockPublicAcls', value: 'true', file: 'infra/app.yaml', line: 33, column: 9 }],
    references: refs({ checkov: ['CKV_AWS_53'] }),
    frameworks: { 'soc2-tsc-2017': ['CC6.1'] },
  },
  {
    controlId: 'AT-RDS-001', title: 'RDS storage is encrypted', domain: 'data-protection', status: 'unknown', severity: 'critical',
    message: 'StorageEncrypted depends on parameter EncryptDb',
    resource: { type: 'AWS::RDS::DBInstance', id: 'Db', file: 'infra/db.json', line: 40 },
    location: { file: 'infra/db.json', line: 44, column: 9 },
    evidence: [{ path: 'Properties.StorageEncrypted', value: '!Ref EncryptDb', file: 'infra/db.json', line: 44, column: 9, note: 'AllowedValues: true, false' }],
    dependsOn: ['EncryptDb'],
    references: refs({ checkov: ['CKV_AWS_16'] }),
    frameworks: { 'hipaa-security-rule': ['164.312(a)(2)(iv)'] },
  },
  {
    controlId: 'AT-LOG-001', title: 'Log groups have a retention period', domain: 'audit', status: 'suppressed', severity: 'low',
    message: 'RetentionInDays is not set',
    resource: { type: 'AWS::Logs::LogGroup', id: 'AppLogs', file: 'infra/app.yaml', line: 50 },
    location: { file: 'infra/app.yaml', line: 50, column: 3 },
    evidence: [],
    suppression: { source: 'checkov', reason: 'kept forever by legal hold', expires: '2030-01-31', file: 'infra/app.yaml', line: 53, column: 11 },
    references: refs({ checkov: ['CKV_AWS_66'] }),
    frameworks: {},
  },
  {
    controlId: 'AT-LOG-001', title: 'Log groups have a retention period', domain: 'audit', status: 'fail', severity: 'low',
    message: '=HYPERLINK("http://evil") retention missing (suppression expired on 2020-01-01; it no longer applies)',
    resource: { type: 'AWS::Logs::LogGroup', id: 'OldLogs', file: 'infra\\win path\\old.yaml', line: 0 },
    location: { file: 'infra\\win path\\old.yaml', line: 0, column: 0 },
    evidence: [{ path: 'Properties.RetentionInDays', value: 'line1\nline2\u0001', file: 'infra\\win path\\old.yaml', line: 0, column: 0 }],
    suppression: { source: 'attest', reason: 'temporary', expires: '2020-01-01', file: 'infra\\win path\\old.yaml', line: 5, column: 7, expired: true },
    references: refs(),
    frameworks: {},
  },
  {
    controlId: 'AT-NET-001', title: 'Security groups do not allow 0.0.0.0/0 ingress to admin ports', domain: 'network', status: 'not_applicable', severity: 'medium',
    message: 'no ingress rules',
    resource: { type: 'AWS::EC2::SecurityGroup', id: 'Sg', file: 'infra/app.yaml', line: 70 },
    location: { file: 'infra/app.yaml', line: 70, column: 3 },
    evidence: [],
    references: refs({ trivy: ['AVD-AWS-0107'] }),
    frameworks: { 'cis-aws-foundations-3.0.0': ['5.2'] },
  },
  {
    controlId: 'AT-NET-001', title: 'Security groups do not allow 0.0.0.0/0 ingress to admin ports', domain: 'network', status: 'fail', severity: 'medium',
    message: '-1 all traffic open @ 0.0.0.0/0',
    resource: { type: 'AWS::EC2::SecurityGroup', id: 'OpenSg', file: 'infra/app.yaml', line: 80 },
    location: { file: 'infra/app.yaml', line: 84, column: 11 },
    evidence: [{ path: 'Properties.SecurityGroupIngress.0.CidrIp', value: '0.0.0.0/0', file: 'infra/app.yaml', line: 84, column: 11 }],
    references: refs({ cdk_nag: ['AwsSolutions-EC23'] }),
    frameworks: { 'cis-aws-foundations-3.0.0': ['5.2'] },
  },
  {
    controlId: 'AT-S3-001', title: 'S3 bucket blocks public access', domain: 'data-protection', status: 'fail', severity: 'high',
    message: 'block_public_acls is false',
    resource: { type: 'AWS::S3::Bucket', id: 'aws_s3_bucket.logs', file: 'tf/main.tf', line: 3, sourceType: 'aws_s3_bucket' },
    location: { file: 'tf/main.tf', line: 9, column: 3 },
    evidence: [{ path: 'Properties.PublicAccessBlockConfiguration.BlockPublicAcls', origin: 'aws_s3_bucket_public_access_block.logs.block_public_acls', value: 'false', file: 'tf/main.tf', line: 9, column: 3 }],
    references: refs({ checkov: ['CKV_AWS_53'] }),
    frameworks: { 'soc2-tsc-2017': ['CC6.1'] },
  },
];

function control(id: string, domain: DomainId, title: string, severity: Control['severity'], remediation: string, helpUri?: string): Control & { helpUri?: string } {
  return { id, domain, title, severity, resourceTypes: [], rationale: '', remediation, references: {}, evaluate: () => undefined, ...(helpUri ? { helpUri } : {}) };
}

export const CONTROLS: (Control & { helpUri?: string })[] = [
  control('AT-S3-001', 'data-protection', 'S3 bucket blocks public access', 'high', 'Set all four PublicAccessBlockConfiguration flags to true <b>now</b>.', 'https://example.com/controls/AT-S3-001'),
  control('AT-RDS-001', 'data-protection', 'RDS storage is encrypted', 'critical', 'Set StorageEncrypted: true.'),
  control('AT-LOG-001', 'audit', 'Log groups have a retention period', 'low', '=Set RetentionInDays, e.g. 365.'),
  control('AT-NET-001', 'network', 'Security groups do not allow 0.0.0.0/0 ingress to admin ports', 'medium', 'Restrict CidrIp to known ranges.', 'javascript:alert(1)'),
  control('AT-IAM-001', 'iam', 'IAM policies do not grant *:*', 'critical', 'Name actions and resources.'),
];

export const SOURCES: SourceInfo[] = [
  { file: 'infra/app.yaml', format: 'cloudformation-yaml', resources: 5, errors: [] },
  { file: 'infra/db.json', format: 'cloudformation-json', resources: 1, errors: [] },
  { file: 'tf', format: 'terraform', resources: 1, errors: [], warnings: [
    { file: 'tf/main.tf', line: 20, column: 1, message: 'module "vpc" comes from a registry source; its resources are not scanned' },
  ] },
  { file: 'infra/broken.yaml', format: 'unknown', resources: 0, errors: [
    { file: 'infra/broken.yaml', line: 3, column: 5, message: 'bad indentation of a mapping entry <here> & "there"' },
    { file: 'infra/broken.yaml', line: 0, column: 0, message: 'unresolvable !GetAtt Missing.Arn' },
  ] },
];

export const UNEVALUATED: Unevaluated[] = [
  { type: 'AWS::Route53::HostedZone', count: 3, reason: 'no-control' },
  { type: 'AWS::SSM::Parameter', sourceType: 'aws_ssm_parameter', count: 1, reason: 'no-control' },
  { type: 'aws_foo', count: 2, reason: 'not-translated' },
  { type: 'aws:foo/bar:Bar', count: 1, reason: 'not-translated' },
];

export const SKIPPED = [
  { file: 'infra/notes.yaml', reason: 'not a CloudFormation template: no Resources with AWS:: types' },
  { file: 'infra/<b>|odd.yaml', reason: 'symbolic link to infra/app.yaml, already scanned' },
];

export function facts(): Record<DomainId, Record<string, unknown>> {
  const f = Object.fromEntries(DOMAINS.map((d) => [d.id, {}])) as Record<DomainId, Record<string, unknown>>;
  f['data-protection'] = {
    buckets: [
      { id: 'DataBucket', file: 'infra/app.yaml', line: 12, encryption: 'aws:kms', kmsKey: null, versioning: 'Enabled', publicAccessBlock: null, policy: [] },
      { id: 'LogBucket', file: 'infra/app.yaml', line: 30, encryption: 'SSE-S3 (S3 default)', kmsKey: null, versioning: 'not enabled', publicAccessBlock: { BlockPublicAcls: true }, policy: ['LogBucketPolicy'] },
    ],
    kmsKeys: [{ id: 'Key', file: 'infra/app.yaml', line: 90, spec: 'SYMMETRIC_DEFAULT', rotation: true, aliases: ['alias/app|data'] }],
  };
  f['resource-governance'] = { resourceCount: 6, taggedResources: 2, tagKeys: [{ key: 'Owner', resources: 2 }, { key: 'Cost|Center', resources: 1 }] };
  f.authentication = {
    userPools: [{ id: 'Pool', file: 'infra/app.yaml', line: 100, passwordPolicy: { minimumLength: 12, requireSymbols: true }, mfa: 'ON', mfaMethods: ['SOFTWARE_TOKEN_MFA'], clients: ['Web'] }],
    m2mClients: ['Batch'],
  };
  return f;
}

export function sampleReport(): Report {
  return buildReport({
    paths: ['infra'], params: { EncryptDb: 'true' }, failOn: 'high', sources: SOURCES, skipped: SKIPPED, findings: FINDINGS, controls: CONTROLS, unevaluated: UNEVALUATED,
    facts: facts(), now: new Date('2025-01-02T03:04:05.678Z'),
  });
}
