// The shape of a framework catalog file and its validator, free of side effects so a single
// catalog can be checked (scripts, tests) without loading every shipped catalog.

/** Evidence a person attaches (an attestation recorded in the ledger). */
export interface ManualEvidence {
  /** What to attach, in our words: the document, record or screenshot an auditor asks for. */
  attach: string;
  /** The roles whose members may attest it (role names of the service's access configuration). */
  attesters: string[];
  /** How many days an attestation stays valid; after that the requirement is `expired`. */
  validityDays: number;
}

/**
 * How a requirement is decided. Any combination of `controls` (Attest controls over the scanned
 * configuration: all must pass), `service` (Attest's own service controls from its
 * self-assessment: all must pass) and `manual` (an unexpired attestation); or `notApplicable`
 * alone, the reason the requirement cannot apply to an organisation assessed with Attest.
 */
export interface EvidenceRule {
  controls?: string[];
  service?: string[];
  manual?: ManualEvidence;
  notApplicable?: string;
}

export interface Requirement {
  id: string;
  /** A short name: the source's own where it is public domain or freely reusable, our words otherwise. */
  title: string;
  /** What the requirement asks for, in our own words (never the source's text). */
  summary: string;
  /** The grouping it is listed under (e.g. "CC6 Logical and physical access"). */
  section: string;
  /** The requirement this one refines (an implementation specification's standard, an enhancement's base control). */
  parent?: string;
  /** Selectable subset (SOC 2 category, CIS profile level); one of the catalog's `categories`. */
  category?: string;
  /** HIPAA: whether an implementation specification is required or addressable. */
  obligation?: 'required' | 'addressable';
  evidence: EvidenceRule;
}

export interface Category {
  id: string;
  title: string;
  /** Selected when the user names no category. */
  default: boolean;
}

export interface Catalog {
  /** The key findings and reports carry, e.g. `nist-800-53-r5-moderate`. */
  id: string;
  /** The framework family, the folder under src/frameworks (`soc2-tsc`). */
  framework: string;
  name: string;
  version: string;
  /** Where the requirement ids (and any titles reused) come from. */
  source: string;
  licence: string;
  /** Selectable subsets; when present every requirement names one. */
  categories?: Category[];
  requirements: Requirement[];
}

const isStr = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function idListProblems(at: string, v: unknown, what: string): string[] {
  if (!Array.isArray(v) || v.length === 0 || !v.every(isStr)) return [`${at}: a non-empty list of ${what} ids is required when given`];
  if (new Set(v).size !== v.length) return [`${at}: an id is listed more than once`];
  return [];
}

/** Problems in one parsed catalog file, each naming the field; empty when it is well formed. */
export function catalogProblems(raw: unknown): string[] {
  const out: string[] = [];
  if (!isObj(raw)) return ['the file is not a JSON object'];
  const c = raw;
  for (const k of ['id', 'framework', 'name', 'version', 'source', 'licence'] as const) if (!isStr(c[k])) out.push(`${k}: a non-empty string is required`);
  let categories: Set<string> | undefined;
  if (c.categories !== undefined) {
    if (!Array.isArray(c.categories) || c.categories.length === 0) out.push('categories: a non-empty array is required when given');
    else {
      categories = new Set();
      c.categories.forEach((k: unknown, i) => {
        const at = `categories[${i}]`;
        if (!isObj(k) || !isStr(k.id) || !isStr(k.title) || typeof k.default !== 'boolean') { out.push(`${at}: {id, title, default: boolean} is required`); return; }
        if (categories!.has(k.id)) out.push(`${at}.id: ${JSON.stringify(k.id)} appears more than once`);
        categories!.add(k.id);
      });
      if (!c.categories.some((k: unknown) => isObj(k) && k.default === true)) out.push('categories: at least one category must be selected by default');
    }
  }
  if (!Array.isArray(c.requirements) || c.requirements.length === 0) return [...out, 'requirements: a non-empty array is required'];
  const seen = new Set<string>();
  c.requirements.forEach((r: unknown, i) => {
    const at = `requirements[${i}]`;
    if (!isObj(r)) { out.push(`${at}: an object is required`); return; }
    if (!isStr(r.id)) out.push(`${at}.id: a non-empty string is required`);
    else if (seen.has(r.id)) out.push(`${at}.id: ${JSON.stringify(r.id)} appears more than once`);
    else seen.add(r.id);
    for (const k of ['title', 'summary', 'section'] as const) if (!isStr(r[k])) out.push(`${at}.${k}: a non-empty string is required`);
    if (r.parent !== undefined && !isStr(r.parent)) out.push(`${at}.parent: must be a requirement id when given`);
    if (categories) {
      if (!isStr(r.category) || !categories.has(r.category)) out.push(`${at}.category: one of the catalog's categories is required (${[...categories].join(', ')})`);
    } else if (r.category !== undefined) out.push(`${at}.category: the catalog declares no categories`);
    if (r.obligation !== undefined && r.obligation !== 'required' && r.obligation !== 'addressable') out.push(`${at}.obligation: must be "required" or "addressable" when given`);
    const e = r.evidence;
    if (!isObj(e)) { out.push(`${at}.evidence: an evidence rule is required (controls, service, manual, or notApplicable)`); return; }
    const unknownKeys = Object.keys(e).filter((k) => !['controls', 'service', 'manual', 'notApplicable'].includes(k));
    if (unknownKeys.length) out.push(`${at}.evidence: unknown field ${unknownKeys.map((k) => JSON.stringify(k)).join(', ')}`);
    if (e.notApplicable !== undefined) {
      if (!isStr(e.notApplicable)) out.push(`${at}.evidence.notApplicable: the reason is required`);
      if (e.controls !== undefined || e.service !== undefined || e.manual !== undefined) out.push(`${at}.evidence: notApplicable cannot be combined with controls, service or manual evidence`);
      return;
    }
    if (e.controls === undefined && e.service === undefined && e.manual === undefined) out.push(`${at}.evidence: needs controls, service, manual, or notApplicable with a reason`);
    if (e.controls !== undefined) out.push(...idListProblems(`${at}.evidence.controls`, e.controls, 'control'));
    if (e.service !== undefined) out.push(...idListProblems(`${at}.evidence.service`, e.service, 'service control'));
    if (e.manual !== undefined) {
      const m = e.manual;
      if (!isObj(m)) out.push(`${at}.evidence.manual: {attach, attesters, validityDays} is required when given`);
      else {
        if (!isStr(m.attach)) out.push(`${at}.evidence.manual.attach: what to attach is required`);
        if (!Array.isArray(m.attesters) || m.attesters.length === 0 || !m.attesters.every(isStr)) out.push(`${at}.evidence.manual.attesters: a non-empty list of role names is required`);
        if (typeof m.validityDays !== 'number' || !Number.isInteger(m.validityDays) || m.validityDays < 1 || m.validityDays > 1096) out.push(`${at}.evidence.manual.validityDays: an integer from 1 to 1096 is required`);
      }
    }
  });
  c.requirements.forEach((r: unknown, i) => {
    if (isObj(r) && isStr(r.parent) && !seen.has(r.parent)) out.push(`requirements[${i}].parent: ${JSON.stringify(r.parent)} is not a requirement of this catalog`);
  });
  return out;
}

