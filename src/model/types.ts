// Types shared by every part of Attest. Nothing in here depends on a source format,
// a control or a report format.

/** A place in a file. Lines and columns are 1-based. */
export interface Loc {
  file: string;
  line: number;
  column: number;
  /**
   * The property path as written in the source format, when that format is not the
   * vocabulary controls read (a Terraform attribute `rule[0].apply_server_side_encryption_by_default.sse_algorithm`
   * of `aws_s3_bucket_server_side_encryption_configuration.b`, a Pulumi property path), so
   * evidence names what the user wrote. Absent for CloudFormation, whose paths are the vocabulary.
   */
  path?: string;
}

export type Scalar = string | number | boolean | null;

/**
 * A value after intrinsic functions have been resolved, carrying where it came from.
 *
 * - `scalar`: a concrete value. `refs` lists resources whose deploy-time names or ARNs are
 *   embedded in a string (a `!Sub` of `${Bucket}` renders as the text `${Bucket}`), so the
 *   text is exact except for those placeholders.
 * - `ref`: `Ref` / `Fn::GetAtt` of a resource: which resource is known, its runtime value is not.
 * - `unknown`: cannot be decided statically. `params` names the parameters (or conditions)
 *   it depends on; `alts`, when present, lists every value it can take (from `Fn::If` with an
 *   undecidable condition or a parameter's `AllowedValues`), so a control can still decide
 *   when all alternatives agree.
 * - `absent`: `AWS::NoValue`; only appears inside `alts`.
 */
export type Value =
  | { k: 'scalar'; v: Scalar; loc: Loc; refs?: string[]; via?: string; sensitive?: boolean; json?: Value }
  | { k: 'object'; props: Map<string, Value>; loc: Loc; keyLocs: Map<string, Loc> }
  | { k: 'list'; items: Value[]; loc: Loc }
  | { k: 'ref'; resource: string; attr?: string; loc: Loc }
  | { k: 'unknown'; reason: string; params: string[]; loc: Loc; alts?: Value[]; condition?: string; json?: Value }
  | { k: 'absent'; loc: Loc };

// `json` (on a scalar or an unknown): the structure a JSON text was made from, each part
// located where it is written, when the source wrote it as one (Terraform `jsonencode({…})`,
// a JSON heredoc). A reader of the document (a policy) reads it instead of parsing the text:
// its parts keep their own lines, and an unknown text whose structure is written keeps every
// part but the unknown ones. A value derived from the text (anything but the text itself)
// does not carry it.

export type ObjectValue = Extract<Value, { k: 'object' }>;

export type SourceFormat = 'cloudformation-yaml' | 'cloudformation-json' | 'terraform' | 'terraform-plan' | 'pulumi-state' | 'pulumi-preview' | 'pulumi-yaml';

/** One file (or unit: a Terraform module) read, with what it held and what was wrong with it. */
export interface SourceInfo {
  file: string;
  format: SourceFormat | 'unknown';
  resources: number;
  errors: SourceError[];
  /**
   * What was read but could not be evaluated faithfully, without being an input error (a
   * remote Terraform module whose resources are not scanned, a setting whose resource
   * cannot be told): shown in the report, the run does not fail on it.
   */
  warnings?: SourceError[];
}

/** A candidate file that was not scanned, and why (listed in the report, never dropped silently). */
export interface Skipped {
  file: string;
  reason: string;
}

export interface SourceError {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface ParameterInfo {
  name: string;
  type: string;
  loc: Loc;
  default?: Scalar | Scalar[];
  defaultLoc?: Loc;
  allowedValues?: Scalar[];
  noEcho: boolean;
  /** Where the value used in this scan came from. */
  source: 'override' | 'default' | 'none';
  description?: string;
}

export type ConditionState = true | false | 'unknown';

export interface Resource {
  /** Logical id in its template. */
  id: string;
  type: string;
  /** The type as written in its source format when that is not CloudFormation (`aws_s3_bucket`, `aws:s3/bucketV2:BucketV2`). */
  sourceType?: string;
  file: string;
  /** Location of the logical id key. */
  loc: Loc;
  /** Resolved `Properties`, or an empty object located at the resource when absent. */
  properties: ObjectValue;
  /** Resource attributes outside Properties: DeletionPolicy, UpdateReplacePolicy. */
  attributes: ObjectValue;
  /** Resolved `Metadata` (unresolved intrinsics are rare there). */
  metadata?: ObjectValue;
  /** Condition name and whether it holds for this scan. */
  condition?: { name: string; state: ConditionState; params: string[] };
  dependsOn: string[];
  /** Logical ids this resource refers to via Ref, GetAtt, Sub or DependsOn. */
  refs: Set<string>;
  /** True for resources written as `AWS::Serverless::*` (SAM), kept after transformation. */
  serverless: boolean;
}

export interface Template {
  file: string;
  format: SourceFormat;
  description?: string;
  transform: string[];
  parameters: Map<string, ParameterInfo>;
  conditions: Map<string, { state: ConditionState; params: string[]; loc: Loc }>;
  resources: Map<string, Resource>;
  outputs: Map<string, { loc: Loc; exportName?: string; value: Value }>;
  /** Every Fn::If met while resolving a resource: what it depends on and whether it held. */
  conditionals: { resource: string; loc: Loc; condition: string; state: ConditionState; params: string[] }[];
  /** Export names this template imports with Fn::ImportValue. */
  imports: string[];
  errors: SourceError[];
  /** Every file the unit spans, when it is more than `file` (a Terraform module's `.tf` files). */
  files?: string[];
  /**
   * Resources read but not in the controls' vocabulary (a Terraform type no translator
   * knows), so the report can count them with the resources no control evaluates.
   */
  untranslated?: { type: string; id: string; loc: Loc }[];
}

/** Resources of one type that no control evaluates (listed in the report so coverage gaps show). */
export interface Unevaluated {
  /** The type in the controls' vocabulary, or as written when it could not be translated. */
  type: string;
  /** The type as written in its source format, when that differs (`aws_route53_zone`). */
  sourceType?: string;
  count: number;
  /** Why: no control reads this type, or the format's type has no translation yet. */
  reason: 'no-control' | 'not-translated';
}

export type DomainId =
  | 'authentication'
  | 'authorization'
  | 'iam'
  | 'data-protection'
  | 'resource-governance'
  | 'network'
  | 'audit'
  | 'deployment'
  | 'resilience';

export const DOMAINS: { id: DomainId; title: string }[] = [
  { id: 'authentication', title: 'Authentication' },
  { id: 'authorization', title: 'Authorization' },
  { id: 'iam', title: 'Identity and access management (IAM)' },
  { id: 'data-protection', title: 'Data protection' },
  { id: 'resource-governance', title: 'Resource governance' },
  { id: 'network', title: 'Network' },
  { id: 'audit', title: 'Audit and logging' },
  { id: 'deployment', title: 'Deployment' },
  { id: 'resilience', title: 'Resilience' },
];

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export const SEVERITIES: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

export type Status = 'pass' | 'fail' | 'not_applicable' | 'unknown' | 'suppressed';

export interface References {
  checkov?: string[];
  trivy?: string[];
  cfn_nag?: string[];
  cdk_nag?: string[];
  /** AWS CloudFormation Guard rules registry rule names, e.g. S3_BUCKET_SSL_REQUESTS_ONLY. */
  guard?: string[];
}

/** Framework id -> requirement ids. Ids of frameworks are listed in src/frameworks. */
export type FrameworkMap = Record<string, string[]>;

export interface Evidence {
  /** Dotted property path inside the resource, e.g. `Properties.StorageEncrypted`. */
  path: string;
  /** The property as written in its source format when that is not CloudFormation (`aws_s3_bucket_versioning.logs.versioning_configuration[0].status`). */
  origin?: string;
  /** The value as written (rendered short), or a description when absent. */
  value: string;
  file: string;
  line: number;
  column: number;
  note?: string;
}

export interface Suppression {
  /**
   * Where it is written: a resource's Metadata or a comment above it (attest, checkov, cfn_nag,
   * guard; trivy and tfsec in Terraform) or the ignore file (.attestignore.yaml).
   */
  source: 'attest' | 'checkov' | 'cfn_nag' | 'guard' | 'trivy' | 'tfsec' | 'ignore-file';
  reason: string;
  expires?: string;
  file: string;
  line: number;
  column: number;
}

export interface Finding {
  controlId: string;
  title: string;
  domain: DomainId;
  status: Status;
  severity: Severity;
  message: string;
  resource: { type: string; id: string; file: string; line: number; sourceType?: string };
  location: { file: string; line: number; column: number };
  evidence: Evidence[];
  /** Parameters or conditions an `unknown` depends on. */
  dependsOn?: string[];
  suppression?: Suppression & { expired?: boolean };
  references: Required<Pick<References, 'checkov' | 'trivy' | 'cfn_nag' | 'cdk_nag'>>;
  frameworks: FrameworkMap;
}
