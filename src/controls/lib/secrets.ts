// Secret detection shared by every control that looks for credentials in a template: names
// that usually hold a credential, values that have the shape of one (access keys, private
// key blocks, vendor tokens, `password=...` assignments), how a value reaches the resource
// (literal, parameter, dynamic reference), and masking so a finding never repeats a secret.
import type { Value } from '../../model/types.js';
import type { ResourceContext } from '../api.js';

/** Names of environment variables, parameters or properties that usually hold credentials. */
const SECRET_NAME = /(pass(word|wd|phrase)?|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential|auth[_-]?key|client[_-]?secret)/i;
/** Names that match SECRET_NAME but conventionally hold a reference, not the secret. */
const REFERENCE_NAME = /(?:[_-](?:arn|name|id|param|path|url|uri|file|ttl|seconds|length|expiry|header)|[_-](?:ARN|NAME|ID|PARAM|PATH|URL|URI|FILE|TTL|SECONDS|LENGTH|EXPIRY|HEADER)|Arn|Name|Path|Url|Uri|File)$/;
/** Credential identifiers that end like a reference name but are part of a long-lived credential. */
const CREDENTIAL_ID_NAME = /access[_-]?key[_-]?id$/i;

export function looksSecretName(name: string): boolean {
  return CREDENTIAL_ID_NAME.test(name) || (SECRET_NAME.test(name) && !REFERENCE_NAME.test(name));
}

/** `{{resolve:secretsmanager:...}}` or `{{resolve:ssm-secure:...}}`: resolved by CloudFormation at deploy time. */
export function isDynamicSecretRef(s: string): boolean {
  return /^\s*\{\{resolve:(secretsmanager|ssm-secure):/.test(s);
}

export interface SecretPattern {
  kind: string;
  re: RegExp;
  /** Capture group holding the secret itself (0: the whole match); the rest of the match is context. */
  group: number;
  /** Characters of the secret that may be shown: a prefix naming the kind, never key material. */
  keep: number;
  /** Capture group holding the name a value is assigned to; the hit counts only when the name looks like a credential's. */
  nameGroup?: number;
}

/** Characters of a literal assigned value: a variable, command substitution or placeholder ($X, $(...), ${X}, %s, {{...}}) is not a literal. */
const LITERAL_CHAR = `[^\\s"'\`$%{}()<>|;&,\\\\]`;
/** A whole literal: it must end where the value ends, not where a placeholder inside it begins. */
const LITERAL = `${LITERAL_CHAR}{6,}(?=$|[\\s"'\`,;)}|&<>\\]])`;

/**
 * Shapes of credentials. Each is specific enough to be worth a failing finding on its own
 * (a vendor prefix, a PEM header, or a credential-named assignment of a literal); random
 * high-entropy strings are not flagged, as build ids and hashes look the same.
 */
export const SECRET_PATTERNS: SecretPattern[] = [
  { kind: 'AWS access key id', re: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/, group: 0, keep: 4 },
  { kind: 'AWS secret access key', re: /(?:aws_?secret_?access_?key|secret_?access_?key|aws_?secret_?key)["']?\s*[:=]\s*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/i, group: 1, keep: 0 },
  { kind: 'private key', re: /-----BEGIN (?:RSA |DSA |EC |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY(?: BLOCK)?-----/, group: 0, keep: 11 },
  { kind: 'GitHub token', re: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b/, group: 0, keep: 4 },
  { kind: 'GitLab token', re: /\bglpat-[A-Za-z0-9_-]{20,}/, group: 0, keep: 6 },
  { kind: 'Slack token', re: /\bxox[abposr]-[A-Za-z0-9-]{10,}/, group: 0, keep: 5 },
  { kind: 'Slack webhook URL', re: /https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]{16,}/, group: 0, keep: 32 },
  { kind: 'Stripe secret key', re: /\b[sr]k_live_[A-Za-z0-9]{20,}/, group: 0, keep: 8 },
  { kind: 'Google API key', re: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/, group: 0, keep: 4 },
  { kind: 'npm token', re: /\bnpm_[A-Za-z0-9]{36}\b/, group: 0, keep: 4 },
  { kind: 'JSON web token', re: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/, group: 0, keep: 3 },
  { kind: 'password in a URL', re: new RegExp(`\\b[a-z][a-z0-9+.-]*://[^\\s:/@'"]+:(${LITERAL_CHAR}{3,})@[^\\s'"]`, 'i'), group: 1, keep: 0 },
  // NAME=value, NAME: "value", --name value: a literal assigned to a credential-named key.
  { kind: 'literal assigned to a credential-named setting', re: new RegExp(`(?:^|[\\s"'{,;(])-{0,2}([A-Za-z_][A-Za-z0-9_.-]*)["']?(?:\\s*[:=]|(?<=--[A-Za-z_.-]*)\\s)\\s*["']?(${LITERAL})`, 'm'), group: 2, keep: 0, nameGroup: 1 },
];

export interface SecretHit {
  kind: string;
  /** The secret with all but a kind prefix replaced by asterisks, and its length. */
  masked: string;
  /** 0-based line of the hit within the text. */
  line: number;
}

/** Values assigned to credential names that are words, not secrets. */
const NOT_A_SECRET_VALUE = /^(?:true|false|null|none|required|optional|enabled|disabled|changeme|\*+|x+|redacted|example|placeholder|secretsmanager|ssm-secure|stdin)$/i;

/** Values that name where a secret is (a path, URL or ARN) rather than being one. */
const PATH_OR_REFERENCE = /^(?:arn:|file:|https?:|s3:|\/|\.\.?\/|~\/)/i;

function accepts(p: SecretPattern, m: RegExpExecArray, secret: string): boolean {
  if (p.nameGroup === undefined) return true;
  const name = m[p.nameGroup];
  return !!name && looksSecretName(name.replace(/^-+/, '')) && !NOT_A_SECRET_VALUE.test(secret) && !PATH_OR_REFERENCE.test(secret);
}

function globalRe(re: RegExp): RegExp {
  return new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
}

/** Every credential-shaped string in `text`, masked, in order of appearance. */
export function findSecrets(text: string): SecretHit[] {
  const hits: (SecretHit & { start: number })[] = [];
  const taken: [number, number][] = [];
  for (const p of SECRET_PATTERNS) {
    const re = globalRe(p.re);
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const secret = m[p.group];
      if (!secret || !accepts(p, m, secret)) continue;
      const start = m.index + (p.group === 0 ? 0 : m[0].lastIndexOf(secret));
      const end = start + secret.length;
      // One secret is reported once, by the most specific pattern (listed first).
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      taken.push([start, end]);
      hits.push({ kind: p.kind, masked: mask(secret, p.keep), line: text.slice(0, start).split('\n').length - 1, start });
    }
  }
  return hits.sort((a, b) => a.start - b.start).map(({ start: _s, ...h }) => h);
}

/** A secret with all but its first `keep` characters hidden, and its length, so a reader can tell which it is. */
export function mask(secret: string, keep = 0): string {
  const shown = secret.slice(0, Math.min(keep, Math.floor(secret.length / 2)));
  return `${shown}**** (${secret.length} characters)`;
}

/** `text` with every credential-shaped string masked, the rest left readable. */
export function maskSecretsIn(text: string): string {
  const spans: [number, number, number][] = [];
  for (const p of SECRET_PATTERNS) {
    const re = globalRe(p.re);
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const secret = m[p.group];
      if (!secret || !accepts(p, m, secret)) continue;
      const start = m.index + (p.group === 0 ? 0 : m[0].lastIndexOf(secret));
      if (spans.some(([a, b]) => start < b && start + secret.length > a)) continue;
      spans.push([start, start + secret.length, Math.min(p.keep, Math.floor(secret.length / 2))]);
    }
  }
  let out = text;
  for (const [a, b, keep] of spans.sort((x, y) => y[0] - x[0])) out = out.slice(0, a + keep) + '****' + out.slice(b);
  return out;
}

/** A scalar shown in evidence: its text with any secret masked, or wholly masked when it is a secret. */
export function maskedValue(v: Value, whole: boolean): Value {
  if (v.k !== 'scalar' || v.sensitive) return v;
  if (whole) return { ...v, v: '****' };
  return typeof v.v === 'string' ? { ...v, v: maskSecretsIn(v.v) } : v;
}

/**
 * What a value known only when the deployment runs depends on, in its format's words: the
 * inputs a user supplies (CloudFormation parameters, Terraform root variables, Pulumi stack
 * configuration) and whether the format keeps an input's value hidden (NoEcho, sensitive = true).
 */
export interface DeployInputs {
  /** What the scanned files are called in the format: the template, the configuration, the program. */
  written: string;
  /** True when the format hides the input's value (CloudFormation NoEcho, Terraform `sensitive = true`). */
  hidden(p: string): boolean;
  /** The inputs among `params` a user supplies whose value the format shows in clear. */
  shown(params: string[]): string[];
  /** Why the `shown` inputs expose a secret, and what to do, in the format's words. */
  shownWhy(names: string[]): string;
  /** Inputs among `params` whose handling cannot be seen in the scanned files (Pulumi stack configuration). */
  unseen(params: string[]): string[];
  /** How a value known only then reaches the resource, for evidence. */
  supplied(params: string[], reason: string): string;
  /**
   * True when the format resolves `{{resolve:…}}` dynamic references (CloudFormation only).
   * Terraform and Pulumi send that text to the provider as it is: it is the value itself.
   */
  resolvesDynamicReferences: boolean;
}

const cloudFormationInputs = (noEcho: (p: string) => boolean): DeployInputs => ({
  written: 'the template',
  hidden: noEcho,
  shown: (ps) => ps.filter((p) => !noEcho(p)),
  shownWhy: (ns) => `comes from parameter ${ns.join(', ')} without NoEcho: its value is shown in plain text in the stack's parameters`,
  unseen: () => [],
  resolvesDynamicReferences: true,
  supplied: (ps) => {
    const open = ps.filter((p) => !noEcho(p));
    return `supplied at deploy time through parameter ${ps.join(', ')}${open.length ? ' (not NoEcho: consider NoEcho: true)' : ''}`;
  },
});

/** `var.name` of the root module; a child module's variables and data sources are not inputs a user supplies. */
const ROOT_VARIABLE = /^var\.[^.]+$/;

const terraformInputs = (sensitive: (p: string) => boolean): DeployInputs => {
  const open = (ps: string[]) => ps.filter((p) => ROOT_VARIABLE.test(p) && !sensitive(p));
  return {
    written: 'the configuration',
    hidden: sensitive,
    shown: open,
    shownWhy: (ns) => `comes from variable ${ns.join(', ')}, not declared with sensitive = true (Terraform's NoEcho): Terraform shows its value in plan and apply output wherever it is used outside an argument the provider marks sensitive`,
    unseen: () => [],
    resolvesDynamicReferences: false,
    supplied: (ps) => {
      const vars = ps.filter((p) => ROOT_VARIABLE.test(p));
      const others = ps.filter((p) => !ROOT_VARIABLE.test(p));
      const parts = [
        ...(vars.length ? [`through variable ${vars.join(', ')}${open(vars).length ? ' (not sensitive: consider sensitive = true)' : ''}`] : []),
        ...(others.length ? [`from ${others.join(', ')}`] : []),
      ];
      return `supplied when Terraform runs ${parts.join(' and ')}`;
    },
  };
};

/**
 * Pulumi keeps secrets encrypted in the stack and has no NoEcho; what a program reads from
 * its stack configuration is stored in the stack's settings file, encrypted only when set
 * with `pulumi config set --secret`, which the program does not show.
 */
const pulumiInputs = (yaml: boolean): DeployInputs => {
  const config = (ps: string[]) => (yaml ? ps.filter((p) => !p.startsWith('fn::') && !p.startsWith('pulumi.')) : []);
  return {
    written: 'the program',
    hidden: () => false,
    shown: () => [],
    shownWhy: () => '',
    unseen: config,
    resolvesDynamicReferences: false,
    supplied: (ps, reason) => (config(ps).length ? `taken from the stack configuration ${config(ps).join(', ')} when Pulumi runs` : `known only when Pulumi runs (${reason})`),
  };
};

/** The deploy-time inputs of a resource's template, as its format treats them. */
export function deployInputsOf(r: ResourceContext): DeployInputs {
  const t = r.graph.template(r.resource);
  const param = (p: string) => t?.parameters.get(p) ?? t?.parameters.get(p.replace(/^var\./, ''));
  const hidden = (p: string) => !!param(p)?.noEcho;
  switch (t?.format) {
    case 'terraform': case 'terraform-plan': return terraformInputs(hidden);
    case 'pulumi-state': case 'pulumi-preview': return pulumiInputs(false);
    case 'pulumi-yaml': return pulumiInputs(true);
    default: return cloudFormationInputs(hidden);
  }
}

/**
 * Whether a value written for a secret exposes it in the template:
 * - literal text (or a parameter default) -> exposed
 * - dynamic reference, resource reference -> not exposed
 * - parameter without default -> supplied at deploy time, not in the template
 * Returns undefined when the value is empty / not a secret at all.
 */
export function secretExposure(v: Value | undefined, inputs: DeployInputs): { exposed: boolean; why: string } | undefined {
  if (!v) return undefined;
  if (v.k === 'ref') return { exposed: false, why: 'taken from another resource' };
  if (v.k === 'unknown') {
    if (v.params.length && !v.alts) return { exposed: false, why: inputs.supplied(v.params, v.reason) };
    const exposedAlt = (v.alts ?? []).map((a) => secretExposure(a, inputs)).find((x) => x?.exposed);
    return exposedAlt ?? { exposed: false, why: 'decided at deploy time' };
  }
  if (v.k !== 'scalar' || v.v === null || String(v.v).trim() === '') return undefined;
  const s = String(v.v);
  if (/\{\{resolve:/.test(s) && !inputs.resolvesDynamicReferences) {
    return { exposed: true, why: `written in ${inputs.written} as literal text: {{resolve:…}} is a CloudFormation dynamic reference, which only CloudFormation resolves; here that text is sent as the value itself` };
  }
  if (isDynamicSecretRef(s)) return { exposed: false, why: 'dynamic reference resolved by CloudFormation at deploy time' };
  if (/\{\{resolve:ssm:/.test(s)) return { exposed: true, why: 'plain SSM parameter (ssm, not ssm-secure): stored unencrypted and shown in the stack' };
  if (v.via && v.via.startsWith('parameter ') && v.via.endsWith('set by --param')) {
    return { exposed: false, why: `supplied at deploy time (${v.via})` };
  }
  if (v.via) return { exposed: true, why: `written in ${inputs.written} as the ${v.via}` };
  return { exposed: true, why: `written in ${inputs.written} as a literal value` };
}

/**
 * A value whose text has the shape of a credential, whatever the name it is stored under.
 * Only text written in the template counts: a value supplied at deploy time is not in it.
 */
export function credentialIn(v: Value | undefined): { hit: SecretHit; why: string } | undefined {
  // A NoEcho parameter's default is still written in the template: sensitivity only decides masking.
  if (!v || v.k !== 'scalar' || typeof v.v !== 'string') return undefined;
  if (v.via && v.via.endsWith('set by --param')) return undefined;
  const hit = findSecrets(v.v)[0];
  if (!hit) return undefined;
  return { hit, why: `${hit.kind} ${hit.masked} ${v.via ? `written in the template as the ${v.via}` : 'written in the template'}` };
}
