// Suppressions written as comments in a resource block, in the forms Terraform teams already
// use (Checkov, Trivy, tfsec) and Attest's own. They become the resource's metadata in the
// shape the engine reads for every format, so the same rules apply: a reason is required
// for Attest's own, an expiry date is honoured, other tools' ids match through the
// controls' references.
//
//   # attest:suppress AT-S3-005: logs are replicated elsewhere (SEC-12)
//   # attest:suppress AT-S3-005 until 2027-01-31: reason
//   #checkov:skip=CKV_AWS_21:reason
//   #trivy:ignore:AVD-AWS-0090            (or the long id; :exp:2027-01-31 for an expiry)
//   #tfsec:ignore:aws-s3-enable-versioning
import type { Loc, ObjectValue, Template, Value } from '../../model/types.js';
import type { Block, ParsedFile } from './hcl/ast.js';
import type { Comment } from './hcl/lexer.js';

/** A suppression comment and the file it is written in. */
export interface SuppressionComment extends Comment {
  file: string;
}

const DIRECTIVE = /\b(?:attest:suppress|checkov:skip=|trivy:ignore:|tfsec:ignore:)/;

/**
 * The suppression comments that apply to a block: inside it, or on the comment lines
 * directly above it (where Trivy and tfsec expect them).
 */
export function blockComments(file: ParsedFile, b: Block): SuppressionComment[] {
  const lines = linesOf(file);
  // Comments alone on their line, directly above the block (no blank line between).
  const above = new Map<number, Comment>();
  for (const c of file.comments) if (c.line < b.line && !lines[c.line - 1]!.slice(0, c.col - 1).trim()) above.set(c.line, c);
  const out: SuppressionComment[] = [];
  for (let l = b.line - 1; above.has(l); l--) {
    const c = above.get(l)!;
    if (DIRECTIVE.test(c.text)) out.unshift({ ...c, file: file.file });
  }
  for (const c of file.comments) if (c.line >= b.line && c.line <= b.endLine && DIRECTIVE.test(c.text)) out.push({ ...c, file: file.file });
  return out;
}

/**
 * Trivy's long ids (and tfsec's, which they continue) for the AVD ids Attest's controls
 * reference, so `#tfsec:ignore:aws-s3-enable-logging` suppresses the control that lists AVD-AWS-0089.
 */
const LONG_IDS: Record<string, string> = {
  'aws-apigateway-enable-access-logging': 'AVD-AWS-0001', 'aws-apigateway-enable-cache-encryption': 'AVD-AWS-0002',
  'aws-apigateway-enable-tracing': 'AVD-AWS-0003', 'aws-apigateway-no-public-access': 'AVD-AWS-0004',
  'aws-apigateway-use-secure-tls-policy': 'AVD-AWS-0005', 'aws-ec2-enable-launch-config-at-rest-encryption': 'AVD-AWS-0008',
  'aws-cloudfront-enable-logging': 'AVD-AWS-0010', 'aws-cloudfront-enable-waf': 'AVD-AWS-0011',
  'aws-cloudfront-enforce-https': 'AVD-AWS-0012', 'aws-cloudfront-use-secure-tls-policy': 'AVD-AWS-0013',
  'aws-cloudtrail-enable-all-regions': 'AVD-AWS-0014', 'aws-cloudtrail-encryption-customer-managed-key': 'AVD-AWS-0015',
  'aws-cloudtrail-enable-log-validation': 'AVD-AWS-0016', 'aws-cloudwatch-log-group-customer-key': 'AVD-AWS-0017',
  'aws-dynamodb-enable-recovery': 'AVD-AWS-0024', 'aws-ec2-enable-volume-encryption': 'AVD-AWS-0026',
  'aws-ec2-enforce-http-token-imds': 'AVD-AWS-0028', 'aws-ecr-enable-image-scans': 'AVD-AWS-0030',
  'aws-ecr-enforce-immutable-repository': 'AVD-AWS-0031', 'aws-ecr-repository-customer-key': 'AVD-AWS-0033',
  'aws-ecs-no-plaintext-secrets': 'AVD-AWS-0036', 'aws-efs-enable-at-rest-encryption': 'AVD-AWS-0037',
  'aws-elasticsearch-enable-in-transit-encryption': 'AVD-AWS-0043', 'aws-elasticache-enable-at-rest-encryption': 'AVD-AWS-0045',
  'aws-elasticsearch-enforce-https': 'AVD-AWS-0046', 'aws-elb-use-secure-tls-policy': 'AVD-AWS-0047',
  'aws-elasticsearch-enable-domain-encryption': 'AVD-AWS-0048', 'aws-elasticache-enable-in-transit-encryption': 'AVD-AWS-0051',
  'aws-elb-drop-invalid-headers': 'AVD-AWS-0052', 'aws-elb-http-not-used': 'AVD-AWS-0054',
  'aws-iam-no-policy-wildcards': 'AVD-AWS-0057', 'aws-kms-auto-rotate-keys': 'AVD-AWS-0065',
  'aws-lambda-enable-tracing': 'AVD-AWS-0066', 'aws-rds-specify-backup-retention': 'AVD-AWS-0077',
  'aws-rds-performance-insights-encryption-customer-key': 'AVD-AWS-0078', 'aws-rds-encrypt-instance-storage-data': 'AVD-AWS-0080',
  'aws-s3-enable-bucket-encryption': 'AVD-AWS-0088', 'aws-s3-enable-logging': 'AVD-AWS-0089',
  'aws-s3-enable-versioning': 'AVD-AWS-0090', 'aws-s3-no-public-access-with-acl': 'AVD-AWS-0092',
  'aws-s3-specify-public-access-block': 'AVD-AWS-0094', 'aws-sns-enable-topic-encryption': 'AVD-AWS-0095',
  'aws-sqs-enable-queue-encryption': 'AVD-AWS-0096', 'aws-ssm-secret-use-customer-key': 'AVD-AWS-0098',
  'aws-ec2-no-public-ingress-acl': 'AVD-AWS-0105', 'aws-ec2-no-public-ingress-sgr': 'AVD-AWS-0107',
  'aws-ec2-add-description-to-security-group-rule': 'AVD-AWS-0124', 'aws-elasticsearch-use-secure-tls-policy': 'AVD-AWS-0126',
  'aws-ec2-enforce-launch-config-http-token-imds': 'AVD-AWS-0130', 'aws-ec2-enable-at-rest-encryption': 'AVD-AWS-0131',
  'aws-sqs-queue-encryption-use-cmk': 'AVD-AWS-0135', 'aws-iam-no-user-attached-policies': 'AVD-AWS-0143',
  'aws-cloudtrail-ensure-cloudwatch-integration': 'AVD-AWS-0162', 'aws-ec2-no-public-ip-subnet': 'AVD-AWS-0164',
  'aws-ec2-require-vpc-flow-logs-for-all-vpcs': 'AVD-AWS-0178', 'aws-rds-enable-public-access': 'AVD-AWS-0180',
  // tfsec's name before Trivy renamed it.
  'aws-s3-enable-bucket-logging': 'AVD-AWS-0089',
};

/** The metadata (`attest.suppress`, `checkov.skip`, `trivy.ignore`, `tfsec.ignore`) these comments write. */
export function suppressionMetadata(comments: SuppressionComment[]): ObjectValue | undefined {
  const lists = new Map<string, Value[]>();
  const add = (tool: string, key: string, entry: ObjectValue) => {
    const k = `${tool}.${key}`;
    lists.set(k, [...(lists.get(k) ?? []), entry]);
  };
  for (const c of comments) {
    const at: Loc = { file: c.file, line: c.line, column: c.col };
    const entry = (fields: [string, string | undefined][]) => obj(fields.filter((f): f is [string, string] => f[1] !== undefined).map(([k, v]) => [k, str(v, at)]), at);
    const attest = /attest:suppress\s+([^\s:]+)(?:\s+until\s+(\S+?))?\s*(?::\s*(.*))?$/.exec(c.text);
    if (attest) {
      const reason = attest[3]?.trim();
      add('attest', 'suppress', entry([['id', attest[1]], ['reason', reason || undefined], ['expires', attest[2]]]));
      continue;
    }
    const checkov = /checkov:skip=([A-Za-z0-9_]+)(?::(.*))?/.exec(c.text);
    if (checkov) {
      add('checkov', 'skip', entry([['id', checkov[1]], ['comment', checkov[2]?.trim() || undefined]]));
      continue;
    }
    for (const m of c.text.matchAll(/(trivy|tfsec):ignore:([A-Za-z0-9_-]+)((?::[a-z]+:[^\s:]+)*)/g)) {
      const id = LONG_IDS[m[2]!.toLowerCase()] ?? m[2]!.toUpperCase();
      const exp = /:exp:(\S+?)(?::|$)/.exec(m[3] ?? '')?.[1];
      add(m[1]!, 'ignore', entry([['id', id], ['written', m[2]], ['expires', exp]]));
    }
  }
  if (!lists.size) return undefined;
  const at: Loc = { file: comments[0]!.file, line: comments[0]!.line, column: comments[0]!.col };
  const tools = new Map<string, [string, Value, Loc][]>();
  for (const [k, items] of lists) {
    const [tool, key] = k.split('.') as [string, string];
    tools.set(tool, [...(tools.get(tool) ?? []), [key, { k: 'list', items, loc: items[0]!.loc }, items[0]!.loc]]);
  }
  return obj([...tools].map(([tool, entries]) => [tool, obj(entries, entries[0]![2]), entries[0]![2]]), at);
}

/** Set each translated resource's metadata from the comments of the block it was read from. */
export function applySuppressions(template: Template, byAddress: Map<string, SuppressionComment[]>): void {
  for (const [address, comments] of byAddress) {
    const r = template.resources.get(address);
    if (!r || !comments.length) continue;
    const md = suppressionMetadata(comments);
    if (md) r.metadata = md;
  }
}

const LINES = new WeakMap<ParsedFile, string[]>();

function linesOf(file: ParsedFile): string[] {
  let l = LINES.get(file);
  if (!l) LINES.set(file, (l = file.text.split('\n')));
  return l;
}

function str(v: string, loc: Loc): Value {
  return { k: 'scalar', v, loc };
}

function obj(entries: [string, Value, Loc?][], loc: Loc): ObjectValue {
  const props = new Map<string, Value>();
  const keyLocs = new Map<string, Loc>();
  for (const [k, v, kl] of entries) { props.set(k, v); keyLocs.set(k, kl ?? v.loc); }
  return { k: 'object', props, keyLocs, loc };
}
