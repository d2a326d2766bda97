// Shapes of the API documents the console reads. They mirror the server's declarations
// (src/server/routes, schema/report.schema.json, src/ledger) and are kept deliberately loose
// where the server may add fields.

export type Status = 'pass' | 'fail' | 'not_applicable' | 'unknown' | 'suppressed';
export type ControlStatus = Status | 'not_evaluated';
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export type StatusCounts = Record<Status, number>;

export interface AuthConfig {
  mode: 'oidc' | 'development';
  issuer: string | null;
  region?: string;
  userPoolId?: string;
  clientId: string | null;
  authDomain: string | null;
  scopePrefix: string | null;
  scopes: string[];
  devLogin?: string;
  devTokenEndpoint?: string;
  roles?: string[];
}

export interface Me {
  subject: string;
  username?: string;
  kind: 'user' | 'service';
  roles: string[];
  scopes: string[];
  tenants?: string[] | '*';
  ownRecordsOnly: boolean;
  clientId?: string;
  issuer?: string;
  expiresAt?: string;
  dev: boolean;
}

export interface Evidence {
  path: string;
  value: string;
  file: string;
  line: number;
  column: number;
  note?: string;
}

export interface Finding {
  controlId: string;
  title: string;
  domain: string;
  status: Status;
  severity: Severity;
  message: string;
  resource: { type: string; id: string; file: string; line: number };
  location: { file: string; line: number; column: number };
  evidence: Evidence[];
  dependsOn?: string[];
  suppression?: { source: string; reason: string; expires?: string; file: string; line: number; column: number; expired?: boolean };
  references: Record<string, string[]>;
  frameworks: Record<string, string[]>;
}

export interface ControlSummary {
  id: string;
  title: string;
  severity: Severity;
  status: ControlStatus;
  counts: StatusCounts;
}

export interface Gap {
  controlId: string;
  title: string;
  severity: Severity;
  status: 'fail' | 'unknown';
  message: string;
  resource: Finding['resource'];
  location: Finding['location'];
}

export interface DomainSection {
  id: string;
  title: string;
  facts: Record<string, unknown>;
  controls: ControlSummary[];
  gaps: Gap[];
  summary: StatusCounts;
}

export interface Report {
  schemaVersion: string;
  tool: { name: string; version: string; informationUri: string };
  generatedAt: string;
  disclaimer: string;
  scan: { paths: string[]; parameters: { name: string }[]; failOn: string };
  sources: { file: string; format: string; resources: number; errors: { line: number; column: number; message: string }[] }[];
  /** Candidate files the scan did not read, with the reason (absent in reports before it existed). */
  skipped?: { file: string; reason: string }[];
  domains: DomainSection[];
  findings: Finding[];
  frameworks: Record<string, { title: string; source: string; version?: string }>;
  summary: {
    files: number;
    resources: number;
    controls: number;
    findings: number;
    byStatus: StatusCounts;
    failedBySeverity: Record<Severity, number>;
    sourceErrors: number;
    exitCode: 0 | 1;
  };
}

export interface LedgerRecord {
  seq: number;
  ts: string;
  actor: { id: string; type: string; session_id?: string };
  action: string;
  target?: { type: string; id?: string; name?: string };
  outcome: 'success' | 'denied' | 'error';
  tenant?: string;
  ticket_id?: string;
  request_id?: string;
  reporter?: { id: string; type: string };
  metadata?: Record<string, unknown>;
  pii?: { subject: string; fields: string[]; commitment: string }[];
  kid: string;
  nonce: string;
  hash: string;
  personal?: Record<string, string>;
  erased?: string[];
}

export interface EventsPage {
  records: LedgerRecord[];
  nextCursor?: string | null;
}

export interface SignedCheckpoint {
  format: 'attest-checkpoint/v1';
  origin: string;
  size: number;
  root: string;
  time: string;
  keyId: string;
  signature: string;
  note: string;
  publicKey: string;
}

export interface InclusionProof {
  seq: number;
  leafIndex: number;
  treeSize: number;
  leafHash: string;
  proof: string[];
  record: { seq: number; kid: string; nonce: string; hash: string; body: string };
  checkpoint: SignedCheckpoint;
}

export interface ApiErrorBody {
  error: string;
  message: string;
  requestId?: string;
  missingScopes?: string[];
  reason?: string;
  /** 400: the field at fault. */
  field?: string;
  /** 409 from an erasure: the ledger record of the refused request. */
  requestRecord?: number;
}
