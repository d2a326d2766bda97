// Agreement with other tools' labelled examples: Trivy's good/bad CloudFormation examples
// and the AWS Guard Rules Registry's PASS/FAIL/SKIP rule tests, for every control whose
// `references` names the equivalent check. Prints one JSON object; with --details, every
// disagreement too.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTROLS } from '../src/controls/index.js';
import type { Control } from '../src/controls/api.js';
import { evaluate } from '../src/engine/scan.js';
import type { Finding } from '../src/model/types.js';
import { loadText } from '../src/sources/cloudformation/load.js';
import { terraformTextUnit } from '../src/sources/terraform/source.js';
import { parseYaml } from '../src/sources/cloudformation/parseYaml.js';
import type { Node } from '../src/sources/cloudformation/node.js';
import { TRIVY_TERRAFORM_NOTES, noteKey } from './trivyTerraformNotes.js';

export type Verdict = 'agree' | 'disagree' | 'unknown' | 'no_verdict';
export interface CaseResult { source: 'trivy' | 'guard'; check: string; name: string; expected: 'fail' | 'pass' | 'skip'; got: string; verdict: Verdict; controls: string[] }

const root = fileURLToPath(new URL('../../', import.meta.url));

function findingsFor(text: string, file: string, controls: Control[]): Finding[] {
  const l = file.endsWith('.tf') ? terraformTextUnit(text, file) : loadText(text, file, true, {});
  if (!l.template || !l.source) return [];
  return evaluate([l.template], [l.source], { controls, today: '2026-01-01' }).findings;
}

/** Our verdict on a labelled case, from the findings of the mapped controls. */
function judge(expected: CaseResult['expected'], fs: Finding[]): { got: string; verdict: Verdict } {
  const st = new Set(fs.map((f) => f.status));
  const got = fs.length ? [...st].sort().join('+') : 'no finding';
  if (expected === 'fail') {
    if (st.has('fail')) return { got, verdict: 'agree' };
    if (st.has('unknown')) return { got, verdict: 'unknown' };
    if (st.has('pass')) return { got, verdict: 'disagree' };
    return { got, verdict: 'no_verdict' };
  }
  if (expected === 'pass') {
    if (st.has('fail')) return { got, verdict: 'disagree' };
    if (st.has('unknown')) return { got, verdict: 'unknown' };
    if (st.has('pass')) return { got, verdict: 'agree' };
    return { got, verdict: 'no_verdict' };
  }
  // skip: the rule does not apply (no such resource) or is suppressed. Both tools then report
  // no failure; a resource that meets the control still passes here (suppressions only
  // ever apply to failing or unknown findings), so only a fail disagrees.
  if (st.has('fail')) return { got, verdict: 'disagree' };
  return { got, verdict: 'agree' };
}

/** Trivy's labelled examples in one format: CloudFormation templates or Terraform configurations. */
export function trivyCases(corpusDir: string, format: 'cloudformation' | 'terraform' = 'cloudformation'): CaseResult[] {
  const data = JSON.parse(readFileSync(join(corpusDir, 'trivy-examples/examples.json'), 'utf8')) as ({ id: string } & Partial<Record<'cloudformation' | 'terraform', { good?: string[]; bad?: string[] }>>)[];
  const out: CaseResult[] = [];
  const ext = format === 'terraform' ? 'tf' : 'yaml';
  for (const check of data) {
    const controls = CONTROLS.filter((c) => c.references.trivy?.includes(check.id));
    const examples = check[format];
    if (!controls.length || !examples) continue;
    for (const [kind, list] of [['pass', examples.good ?? []], ['fail', examples.bad ?? []]] as const) {
      list.forEach((tmpl, i) => {
        const fs = findingsFor(tmpl, `${check.id}-${kind}${i}.${ext}`, controls);
        out.push({ source: 'trivy', check: check.id, name: `${kind === 'pass' ? 'good' : 'bad'}[${i}]`, expected: kind, ...judge(kind, fs), controls: controls.map((c) => c.id) });
      });
    }
  }
  return out;
}

function plain(n: Node): unknown {
  if (n.t === 's') return n.v;
  if (n.t === 'l') return n.items.map(plain);
  return Object.fromEntries([...n.props].map(([k, v]) => [k, plain(v)]));
}

export function guardCases(corpusDir: string): CaseResult[] {
  const out: CaseResult[] = [];
  const rulesDir = join(corpusDir, 'guard-registry/rules/aws');
  for (const svc of readdirSync(rulesDir)) {
    const testsDir = join(rulesDir, svc, 'tests');
    if (!existsSync(testsDir)) continue;
    for (const f of readdirSync(testsDir)) {
      if (!f.endsWith('_tests.yml')) continue;
      const rule = basename(f, '_tests.yml').toUpperCase();
      const controls = CONTROLS.filter((c) => c.references.guard?.includes(rule));
      if (!controls.length) continue;
      const parsed = parseYaml(readFileSync(join(testsDir, f), 'utf8'), f);
      if (!parsed.root || parsed.root.t !== 'l') continue;
      for (const item of parsed.root.items) {
        const obj = plain(item) as { name?: string; input?: unknown; expectations?: { rules?: Record<string, string> } };
        const exp = obj.expectations?.rules?.[rule];
        if (!exp) continue;
        const expected = exp === 'PASS' ? 'pass' : exp === 'FAIL' ? 'fail' : 'skip';
        const input = obj.input as { Resources?: unknown } | undefined;
        const fs = input && input.Resources ? findingsFor(JSON.stringify(input), `${rule}.json`, controls) : [];
        out.push({ source: 'guard', check: rule, name: obj.name ?? '?', expected, ...judge(expected, fs), controls: controls.map((c) => c.id) });
      }
    }
  }
  return out;
}

export function summarise(cases: CaseResult[]) {
  const count = (v: Verdict) => cases.filter((c) => c.verdict === v).length;
  const agree = count('agree');
  const disagree = count('disagree');
  return {
    cases: cases.length, checks: new Set(cases.map((c) => c.check)).size, agree, disagree, unknown: count('unknown'), noVerdict: count('no_verdict'),
    agreementOfDecided: disagree + agree ? +(agree / (agree + disagree)).toFixed(4) : null,
    agreementOfAll: cases.length ? +(agree / cases.length).toFixed(4) : null,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const corpus = resolve(process.argv.find((a, i) => i > 1 && !a.startsWith('--')) ?? join(root, '../shared/corpus'));
  const t = trivyCases(corpus);
  const tt = trivyCases(corpus, 'terraform');
  const g = guardCases(corpus);
  const out: Record<string, unknown> = {
    benchmark: 'agreement',
    note: 'agree = our mapped controls reach the labelled verdict (for SKIP: report no failure); unknown = we could not decide statically; no_verdict = our control evaluates a different resource type than the labelled check',
    trivy: summarise(t), trivyTerraform: summarise(tt), guard: summarise(g),
    mappedControls: { trivy: CONTROLS.filter((c) => c.references.trivy?.length).length, guard: CONTROLS.filter((c) => c.references.guard?.length).length },
  };
  // Terraform disagreements with no explanation in bench/trivyTerraformNotes.ts (the test fails on them).
  out.trivyTerraformUnexplained = tt.filter((c) => c.verdict === 'disagree' && !TRIVY_TERRAFORM_NOTES[noteKey(c)]).map(noteKey);
  // Notes whose case now agrees (or no longer exists): the note can go.
  const open = new Set(tt.filter((c) => c.verdict !== 'agree').map(noteKey));
  out.trivyTerraformStaleNotes = Object.keys(TRIVY_TERRAFORM_NOTES).filter((k) => !open.has(k));
  if (process.argv.includes('--details')) {
    const why = (c: CaseResult) => TRIVY_TERRAFORM_NOTES[noteKey(c)];
    out.disagreements = [...t, ...tt.map((c) => ({ ...c, source: 'trivy-terraform', ...(why(c) && { note: why(c) }) }) as const), ...g].filter((c) => c.verdict !== 'agree');
  }
  console.log(JSON.stringify(out, null, 2));
}
