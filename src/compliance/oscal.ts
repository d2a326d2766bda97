// The framework report as OSCAL 1.1.2 documents, for auditors whose tooling reads OSCAL (FedRAMP,
// NIST-minded programmes): an assessment-results document built from the same report model the
// JSON and PDF carry, and the framework catalog as an OSCAL catalog so every finding's target
// resolves. OSCAL's finding state has two values only (satisfied, not-satisfied): "satisfied" is
// given for `met` and nothing else; our finer status travels in props under ATTEST_NS.
//
// import-ap: OSCAL wants the results to point at an assessment plan, and a plan in turn must
// import a system security plan, which Attest does not have (it reads configuration, not an SSP).
// Rather than emit a hollow SSP, import-ap points at a back-matter resource ("#uuid") that says
// what the plan is: the framework catalog emitted beside the results, assessed by Attest's
// control mapping over the scanned sources, over the report's period.
import { randomUUID } from 'node:crypto';
import type { Catalog, Requirement } from '../frameworks/schema.js';
import { REPORT_DISCLAIMER, type FrameworkReport } from './framework-report.js';
import { STATUS_TEXT, type Attestation, type FindingRef, type RequirementStatus } from './types.js';

export const OSCAL_VERSION = '1.1.2';
/** Namespace of every prop Attest defines (OSCAL's own props carry no ns). */
export const ATTEST_NS = 'urn:attest:ns:oscal';

export interface OscalProp { name: string; value: string; ns?: string; class?: string; remarks?: string }
export interface OscalLink { href: string; rel?: string; 'media-type'?: string; text?: string }
export interface OscalResource {
  uuid: string;
  title?: string;
  description?: string;
  props?: OscalProp[];
  rlinks?: { href: string; 'media-type'?: string; hashes?: { algorithm: string; value: string }[] }[];
  remarks?: string;
}
interface OscalMetadata {
  title: string;
  'last-modified': string;
  version: string;
  'oscal-version': string;
  props?: OscalProp[];
  roles?: { id: string; title: string }[];
  parties?: { uuid: string; type: 'person' | 'organization'; name: string; remarks?: string }[];
  'responsible-parties'?: { 'role-id': string; 'party-uuids': string[] }[];
  remarks?: string;
}
export interface OscalObservation {
  uuid: string;
  title: string;
  description: string;
  props?: OscalProp[];
  methods: ('TEST' | 'EXAMINE' | 'INTERVIEW' | 'UNKNOWN')[];
  subjects?: { 'subject-uuid': string; type: string; title?: string; props?: OscalProp[] }[];
  'relevant-evidence'?: { href?: string; description: string; props?: OscalProp[] }[];
  collected: string;
  remarks?: string;
}
export interface OscalFinding {
  uuid: string;
  title: string;
  description: string;
  props?: OscalProp[];
  links?: OscalLink[];
  target: { type: 'statement-id' | 'objective-id'; 'target-id': string; title?: string; status: { state: 'satisfied' | 'not-satisfied'; remarks?: string } };
  'related-observations'?: { 'observation-uuid': string }[];
  remarks?: string;
}
export interface OscalResult {
  uuid: string;
  title: string;
  description: string;
  start: string;
  end: string;
  props?: OscalProp[];
  'reviewed-controls': { 'control-selections': { 'include-controls': { 'control-id': string }[] }[] };
  observations?: OscalObservation[];
  findings?: OscalFinding[];
  remarks?: string;
}
export interface OscalAssessmentResults {
  'assessment-results': {
    uuid: string;
    metadata: OscalMetadata;
    'import-ap': { href: string; remarks?: string };
    results: OscalResult[];
    'back-matter'?: { resources: OscalResource[] };
  };
}
export interface OscalControl {
  id: string;
  class?: string;
  title: string;
  props?: OscalProp[];
  parts?: { id: string; name: string; prose: string }[];
}
export interface OscalCatalog {
  catalog: {
    uuid: string;
    metadata: OscalMetadata;
    groups: { id: string; class?: string; title: string; controls: OscalControl[] }[];
  };
}

const prop = (name: string, value: string | number, extra: Partial<OscalProp> = {}): OscalProp => ({ name, value: oscalString(String(value)), ns: ATTEST_NS, ...extra });

/** OSCAL strings may not be empty nor start or end with whitespace. */
function oscalString(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t === '' ? '(none)' : t;
}

/**
 * A requirement id as an OSCAL token (a letter or underscore, then letters, digits, `.`, `-`,
 * `_`): HIPAA's `164.312(a)(1)` becomes `hipaa-164.312-a-1`. The original id stays in the
 * control's `label` prop and in our `requirement-id` prop on each finding.
 */
export function oscalControlId(requirementId: string, frameworkPrefix: string): string {
  const body = requirementId.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/-+$/, '').replace(/^-+/, '');
  return /^[\p{L}_]/u.test(body) ? body : `${frameworkPrefix}-${body}`;
}

function controlIds(requirements: readonly Pick<Requirement, 'id'>[], framework: string): Map<string, string> {
  const prefix = framework.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^[^\p{L}]+/u, '') || 'req';
  const m = new Map<string, string>();
  const used = new Map<string, string>();
  // NIST SP 800-53 keeps NIST's own OSCAL ids (AC-2(1) is ac-2.1, its statement ac-2.1_smt), so
  // the results also resolve against NIST's published catalog.
  const nist = framework === 'nist-800-53';
  for (const r of requirements) {
    const id = nist ? r.id.toLowerCase().replace(/\((\d+)\)$/, '.$1') : oscalControlId(r.id, prefix);
    const other = used.get(id);
    // Two requirement ids collapsing to one OSCAL id would make findings ambiguous: refuse.
    if (other !== undefined && other !== r.id) throw new Error(`requirements ${other} and ${r.id} both map to OSCAL control id ${id}`);
    used.set(id, r.id);
    m.set(r.id, id);
  }
  return m;
}

const statementId = (controlId: string) => `${controlId}_smt`;
const groupId = (i: number) => `grp-${i + 1}`;
/**
 * A file path as a URI reference: each segment percent-encoded, so `#`, `?`, `[`, `]`, `%` and
 * spaces in a file name stay part of the path (encodeURI left `#` and `?` bare, which made
 * `dir #1/a.tf` a fragment and `dir #1/a.tf#L3` no URI reference at all).
 */
export const oscalFileHref = (file: string): string => file.replace(/\\/g, '/').split('/').map(encodeURIComponent).join('/');

/** The framework catalog as an OSCAL catalog: one group per section, one control per requirement, its summary as the statement. */
export function buildOscalCatalog(catalog: Catalog, now: Date): OscalCatalog {
  const ids = controlIds(catalog.requirements, catalog.framework);
  const sections: string[] = [];
  for (const r of catalog.requirements) if (!sections.includes(r.section)) sections.push(r.section);
  return {
    catalog: {
      uuid: randomUUID(),
      metadata: {
        title: `${catalog.name} (requirements as Attest assesses them)`,
        'last-modified': now.toISOString(),
        version: catalog.version,
        'oscal-version': OSCAL_VERSION,
        props: [prop('framework-id', catalog.id), prop('source', catalog.source), prop('licence', catalog.licence)],
        remarks: `Requirement ids (and titles where the source allows reuse) come from ${catalog.source}; the statements are Attest's own summaries, not the source's text. Control ids are the requirement ids made OSCAL tokens; each control's label prop is the id as the source writes it.`,
      },
      groups: sections.map((section, i) => ({
        id: groupId(i),
        class: 'section',
        title: section,
        controls: catalog.requirements.filter((r) => r.section === section).map((r) => {
          const id = ids.get(r.id)!;
          const props: OscalProp[] = [{ name: 'label', value: oscalString(r.id) }];
          if (r.category) props.push(prop('category', r.category));
          if (r.parent) props.push(prop('parent-requirement', r.parent));
          if (r.obligation) props.push(prop('obligation', r.obligation));
          const e = r.evidence;
          props.push(prop('evidence', e.notApplicable ? 'not-applicable' : [e.controls ? 'configuration' : '', e.service ? 'service' : '', e.manual ? 'manual' : ''].filter(Boolean).join(' ')));
          for (const c of e.controls ?? []) props.push(prop('attest-control', c));
          return { id, class: 'requirement', title: r.title, props, parts: [{ id: statementId(id), name: 'statement', prose: r.summary }] };
        }),
      })),
    },
  };
}

export interface OscalInput {
  report: FrameworkReport;
  /** The catalog the report assessed: control ids come from it, so they match the emitted catalog. */
  catalog: Catalog;
  /** Where the catalog document is (relative to the results), for the plan resource's link. */
  catalogHref: string;
  /** SHA-256 of each scanned source file, when read (back-matter hashes). */
  sourceHashes?: ReadonlyMap<string, string>;
  /** Where evidence files are found relative to the results (the bundle keeps them in `evidence/<sha256>`). */
  evidenceHref?: (sha256: string) => string;
}

/** OSCAL 1.1.2 assessment-results for one framework report. */
export function buildOscalAssessmentResults(inp: OscalInput): OscalAssessmentResults {
  const { report } = inp;
  const ids = controlIds(inp.catalog.requirements, inp.catalog.framework);
  const at = report.generatedAt;
  const resources: OscalResource[] = [];

  const planUuid = randomUUID();
  resources.push({
    uuid: planUuid,
    title: `Assessment plan: ${report.framework.name} by Attest's control mapping`,
    description: `No separate OSCAL assessment plan exists: the assessment is the framework catalog (linked) evaluated by Attest ${report.tool.version} over the sources listed in this back-matter and the audit ledger named in the result's props, for ${report.period.from} .. ${report.period.to}. An OSCAL plan must import a system security plan, which this self-assessment does not have.`,
    props: [prop('framework-id', report.framework.id)],
    rlinks: [{ href: inp.catalogHref, 'media-type': 'application/oscal.catalog+json' }],
  });

  // One resource per scanned source file: the subject of the configuration observations.
  const sourceUuid = new Map<string, string>();
  for (const s of report.scope.sources) {
    const uuid = randomUUID();
    sourceUuid.set(s.file, uuid);
    const h = inp.sourceHashes?.get(s.file);
    resources.push({
      uuid,
      title: s.file,
      description: `Infrastructure source read by the scan (${s.format}, ${s.resources} resource(s), ${s.errors} input error(s)).`,
      props: [prop('source-format', s.format), prop('resources', s.resources)],
      rlinks: [{ href: oscalFileHref(s.file), ...(h ? { hashes: [{ algorithm: 'SHA-256', value: h }] } : {}) }],
    });
  }
  const sourceFor = (file: string): string => {
    let u = sourceUuid.get(file);
    if (!u) {
      u = randomUUID();
      sourceUuid.set(file, u);
      resources.push({ uuid: u, title: file, description: 'File cited by a finding.', rlinks: [{ href: oscalFileHref(file) }] });
    }
    return u;
  };

  // Policy documents (attested evidence files), content-addressed.
  const evidenceUuid = new Map<string, string>();
  for (const p of report.policies) {
    for (const f of p.files) {
      if (evidenceUuid.has(f.sha256)) continue;
      const uuid = randomUUID();
      evidenceUuid.set(f.sha256, uuid);
      resources.push({
        uuid,
        title: f.name,
        description: `Policy or procedure document attested for ${p.requirement} by ${p.attestedBy} at ${p.attestedAt}.`,
        rlinks: [{ href: inp.evidenceHref ? inp.evidenceHref(f.sha256) : `evidence/${f.sha256}`, hashes: [{ algorithm: 'SHA-256', value: f.sha256 }] }],
      });
    }
  }

  const cp = report.auditLog?.checkpoint;
  if (cp) {
    resources.push({
      uuid: randomUUID(),
      title: `Ledger checkpoint ${cp.size} of ${cp.origin}`,
      description: `The signed checkpoint of the audit ledger this report is anchored to (RFC 9162 tree of ${cp.size} records, root ${cp.root}, signed ${cp.time} with key ${cp.keyId}).`,
      props: [prop('ledger-origin', cp.origin), prop('checkpoint-size', cp.size), prop('checkpoint-root', cp.root), prop('checkpoint-time', cp.time), prop('checkpoint-key-id', cp.keyId)],
      remarks: `Signature (Ed25519, base64): ${cp.signature}. In an evidence bundle, checkpoint.json is the checkpoint signed when the bundle was made (this one or a later one), with an inclusion proof of every record of the period.`,
    });
  }

  // Observations: one per piece of evidence, shared by the requirements that cite it.
  const observations: OscalObservation[] = [];
  const obsByKey = new Map<string, string>();
  const findingObservation = (ref: FindingRef, kind: 'controls' | 'service'): string => {
    const key = `${ref.controlId}\0${ref.location.file}\0${ref.location.line}\0${ref.location.column}\0${ref.resource.type}\0${ref.resource.id}`;
    const have = obsByKey.get(key);
    if (have) return have;
    const uuid = randomUUID();
    obsByKey.set(key, uuid);
    const where = `${ref.location.file}:${ref.location.line}`;
    observations.push({
      uuid,
      title: `${ref.controlId} ${ref.status} on ${ref.resource.type} ${ref.resource.id}`,
      description: `${where}: ${ref.message}`,
      props: [prop('attest-control', ref.controlId), prop('control-result', ref.status), prop('evidence-kind', kind === 'controls' ? 'configuration' : 'service'), ...(ref.exceptedBy ? [prop('excepted-by', ref.exceptedBy)] : [])],
      methods: ['TEST'],
      subjects: [{ 'subject-uuid': sourceFor(ref.location.file), type: 'resource', title: `${ref.resource.type} ${ref.resource.id}` }],
      'relevant-evidence': [{ href: `${oscalFileHref(ref.location.file)}#L${ref.location.line}`, description: `${where} (column ${ref.location.column}): ${ref.message}`, props: [prop('line', ref.location.line), prop('column', ref.location.column)] }],
      collected: at,
    });
    return uuid;
  };
  const attestationObservation = (a: Attestation): string => {
    const key = `attestation\0${a.id}`;
    const have = obsByKey.get(key);
    if (have) return have;
    const uuid = randomUUID();
    obsByKey.set(key, uuid);
    const fileUuids = a.files.map((f) => evidenceUuid.get(f.sha256)).filter((u): u is string => !!u);
    observations.push({
      uuid,
      title: `Attestation ${a.id} for ${a.requirement}${a.kind === 'not-applicable' ? ' (not applicable)' : ''}`,
      description: `${a.statement} (attested by ${a.attestedBy.id} at ${a.attestedAt}, valid until ${a.validUntil}${a.revoked ? `; revoked ${a.revoked.at}: ${a.revoked.reason}` : ''}${a.fileProblems?.length ? `; evidence problems: ${a.fileProblems.join('; ')}` : ''})`,
      props: [
        prop('ledger-record-seq', a.id), prop('ledger-record-hash', a.recordHash), prop('attested-by', a.attestedBy.id),
        prop('attested-at', a.attestedAt), prop('valid-until', a.validUntil), prop('attestation-kind', a.kind),
      ],
      methods: ['EXAMINE'],
      ...(fileUuids.length ? { subjects: fileUuids.map((u) => ({ 'subject-uuid': u, type: 'resource' })) } : {}),
      'relevant-evidence': a.files.length
        ? a.files.map((f) => ({ href: inp.evidenceHref ? inp.evidenceHref(f.sha256) : `evidence/${f.sha256}`, description: `${f.name}, SHA-256 ${f.sha256}, recorded in ledger record ${a.id} (hash ${a.recordHash})`, props: [prop('sha256', f.sha256)] }))
        : [{ description: `Statement only (no file), recorded in ledger record ${a.id} (hash ${a.recordHash})` }],
      collected: a.attestedAt,
    });
    return uuid;
  };

  const findings: OscalFinding[] = report.requirements.map((r) => {
    const cid = ids.get(r.id);
    if (!cid) throw new Error(`requirement ${r.id} is not in catalog ${inp.catalog.id}`);
    const related: string[] = [];
    const props: OscalProp[] = [prop('requirement-id', r.id), prop('status', statusToken(r.status)), prop('automated', r.automated ? 'true' : 'false')];
    for (const p of r.parts) {
      props.push(prop('part-status', `${p.kind}: ${p.status}`));
      for (const c of p.findings ?? []) for (const f of c.findings) if (f.status !== 'not_applicable') related.push(findingObservation(f, p.kind === 'service' ? 'service' : 'controls'));
      if (p.attestation) {
        related.push(attestationObservation(p.attestation));
        props.push(prop('ledger-record-seq', p.attestation.id), prop('ledger-record-hash', p.attestation.recordHash));
      }
    }
    for (const e of r.exceptions) props.push(prop('exception', `${e.exceptionId} (${e.state}${e.expires ? `, expires ${e.expires}` : ''}${e.owner ? `, owner ${e.owner}` : ''})`));
    const met = r.status === 'met';
    const uniq = [...new Set(related)];
    return {
      uuid: randomUUID(),
      title: `${r.id} ${r.title}: ${STATUS_TEXT[r.status]}`,
      description: r.reasons.length ? r.reasons.join(' ') : `${STATUS_TEXT[r.status]}.`,
      props,
      target: {
        type: 'statement-id',
        'target-id': statementId(cid),
        title: r.title,
        status: {
          state: met ? 'satisfied' : 'not-satisfied',
          ...(met ? {} : { remarks: `Attest status: ${STATUS_TEXT[r.status]}. OSCAL has only satisfied and not-satisfied; anything short of met is reported not-satisfied.` }),
        },
      },
      ...(uniq.length ? { 'related-observations': uniq.map((u) => ({ 'observation-uuid': u })) } : {}),
    };
  });

  const s = report.summary;
  const resultProps: OscalProp[] = [
    prop('score', s.score.percent === null ? 'n/a' : `${s.score.percent}%`, { remarks: `${s.score.numerator} of ${s.score.denominator} applicable requirements met` }),
    prop('coverage', s.coverage.percent === null ? 'n/a' : `${s.coverage.percent}%`),
    ...Object.entries(s.counts).filter(([, n]) => n > 0).map(([k, n]) => prop(`count-${statusToken(k as RequirementStatus)}`, n)),
    prop('gaps', report.gaps.length),
  ];
  if (report.scope.ledger) resultProps.push(prop('ledger-origin', report.scope.ledger.origin));
  if (report.auditLog) {
    const a = report.auditLog;
    resultProps.push(
      prop('audit-records', a.records), prop('audit-denials', a.denials.records),
      prop('ledger-verification', a.verification.ok ? 'verified' : 'failed', a.verification.problem ? { remarks: a.verification.problem } : {}),
      prop('checkpoint-size', a.checkpoint.size), prop('checkpoint-root', a.checkpoint.root),
    );
  }

  const toolParty = randomUUID();
  return {
    'assessment-results': {
      uuid: randomUUID(),
      metadata: {
        title: `${report.framework.name} ${report.framework.version}: self-assessment results`,
        'last-modified': at,
        version: `${report.framework.id}@${at}`,
        'oscal-version': OSCAL_VERSION,
        props: [prop('disclaimer', REPORT_DISCLAIMER), prop('framework-id', report.framework.id), prop('report-format', report.format)],
        roles: [{ id: 'prepared-by', title: 'Prepared by' }],
        parties: [{ uuid: toolParty, type: 'organization', name: `Attest ${report.tool.version} (automated self-assessment)`, remarks: 'Not an independent assessor.' }],
        'responsible-parties': [{ 'role-id': 'prepared-by', 'party-uuids': [toolParty] }],
        remarks: `${REPORT_DISCLAIMER} Findings are satisfied only where Attest's status is met; the finer status is in each finding's props (ns ${ATTEST_NS}).${report.scope.notes.length ? ` Notes: ${report.scope.notes.join(' ')}` : ''}`,
      },
      'import-ap': { href: `#${planUuid}`, remarks: 'Points at the back-matter resource describing the assessment (catalog, sources, ledger, period): no separate assessment plan document exists.' },
      results: [{
        uuid: randomUUID(),
        title: `${report.framework.name} assessment, ${report.period.from.slice(0, 10)} .. ${report.period.to.slice(0, 10)}`,
        description: `Attest's assessment of ${report.framework.name} (${report.framework.id}) from ${report.scope.sources.length} scanned source file(s)${report.scope.ledger ? ` and ledger ${report.scope.ledger.origin}` : ' (no ledger read)'}; gaps: ${report.gaps.length}. ${REPORT_DISCLAIMER}`,
        start: report.period.from,
        end: report.period.to,
        props: resultProps,
        'reviewed-controls': { 'control-selections': [{ 'include-controls': report.requirements.map((r) => ({ 'control-id': ids.get(r.id)! })) }] },
        ...(observations.length ? { observations } : {}),
        findings,
      }],
      'back-matter': { resources },
    },
  };
}

/** Our statuses as prop tokens (`not_met` → `not-met`). */
function statusToken(s: RequirementStatus): string {
  return s.replace(/_/g, '-');
}
