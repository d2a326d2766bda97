/** Small catalogs, findings, attestations and register entries for the compliance tests. */
import type { Catalog, EvidenceRule, Requirement } from '../../src/frameworks/schema.js';
import type { Finding, Status } from '../../src/model/types.js';
import type { Attestation, ExceptionEntry, RecordedBy } from '../../src/compliance/types.js';

export const NOW = new Date('2026-06-15T10:00:00Z');
export const TODAY = '2026-06-15';
export const YESTERDAY = '2026-06-14';
export const TOMORROW = '2026-06-16';

export function req(id: string, evidence: EvidenceRule, extra: Partial<Requirement> = {}): Requirement {
  return { id, title: `Requirement ${id}`, summary: `What ${id} asks, in test words.`, section: 'S1 Test section', evidence, ...extra };
}

export function catalog(requirements: Requirement[], extra: Partial<Catalog> = {}): Catalog {
  return { id: 'test-fw-1', framework: 'test-fw', name: 'Test framework', version: '1', source: 'tests', licence: 'n/a', requirements, ...extra };
}

export const MANUAL = { attach: 'the signed policy', attesters: ['security-officer'], validityDays: 365 };

let line = 10;
export function finding(controlId: string, status: Status, o: { resource?: string; file?: string; dependsOn?: string[]; suppression?: Finding['suppression']; frameworks?: Finding['frameworks'] } = {}): Finding {
  const file = o.file ?? 'infra/app.yaml';
  const l = line++;
  return {
    controlId,
    title: `title of ${controlId}`,
    domain: 'data-protection',
    status,
    severity: 'high',
    message: `${controlId} is ${status}`,
    resource: { type: 'AWS::S3::Bucket', id: o.resource ?? 'Bucket', file, line: l },
    location: { file, line: l + 1, column: 7 },
    evidence: [],
    ...(o.dependsOn ? { dependsOn: o.dependsOn } : {}),
    ...(o.suppression ? { suppression: o.suppression } : {}),
    references: { checkov: [], trivy: [], cfn_nag: [], cdk_nag: [] },
    frameworks: o.frameworks ?? {},
  };
}

export const ALICE: RecordedBy = { id: 'alice', type: 'user', issuer: 'https://idp.example', source: 'api' };
export const BOB: RecordedBy = { id: 'bob', type: 'user', issuer: 'https://idp.example', source: 'api' };

let seq = 100;
export function attestation(requirement: string, o: Partial<Attestation> = {}): Attestation {
  const id = String(seq++);
  return {
    id,
    framework: 'test-fw-1',
    requirement,
    kind: 'evidence',
    statement: 'The policy was signed by the board.',
    files: [],
    links: [],
    validUntil: '2027-01-01',
    attestedBy: ALICE,
    attestedAt: '2026-06-01T09:00:00.000000Z',
    recordHash: 'ab'.repeat(32),
    ...o,
  };
}

export function exception(target: ExceptionEntry['target'], o: Partial<ExceptionEntry> = {}): ExceptionEntry {
  return {
    exceptionId: `EXC-${seq++}`,
    source: 'ledger',
    target,
    scope: [],
    reason: 'legacy bucket, migration planned',
    risk: 'medium',
    compensatingControls: ['access logging'],
    owner: 'platform team',
    expires: '2026-12-31',
    reviewEveryDays: 90,
    state: 'approved',
    requestedBy: ALICE,
    requestedAt: '2026-06-01T09:00:00.000000Z',
    approval: { by: BOB, at: '2026-06-02T09:00:00.000000Z', note: 'ok' },
    reviews: [],
    ...o,
  };
}
