import { readFileSync } from 'node:fs';
import type { FrameworkMap } from '../model/types.js';
import type { Control } from '../controls/api.js';

interface GuardData {
  frameworks: Record<string, { title: string; source: string; version: string }>;
  rules: Record<string, Record<string, string[]>>;
}

const data = JSON.parse(readFileSync(new URL('../../../src/frameworks/guard-mappings.json', import.meta.url), 'utf8')) as GuardData;

/** Frameworks whose requirement ids appear in findings, with where the mapping comes from. */
export const FRAMEWORKS: Record<string, { title: string; source: string; version?: string }> = {
  ...data.frameworks,
  'soc2-tsc-2017': { title: 'SOC 2 Trust Services Criteria (2017, revised points of focus 2022)', source: 'Attest control metadata' },
  'gdpr': { title: 'GDPR (Regulation (EU) 2016/679) articles', source: 'Attest control metadata' },
  'nist-csf-2.0': { title: 'NIST Cybersecurity Framework 2.0', source: 'Attest control metadata' },
};

/** Guard rule names known to the registry mappings. */
export function knownGuardRules(): string[] {
  return Object.keys(data.rules);
}

/** A control's framework mappings: its own, plus those of the guard rules it references. */
export function frameworksFor(c: Control): FrameworkMap {
  const out: Record<string, Set<string>> = {};
  const add = (fw: string, ids: string[]) => {
    const s = (out[fw] ??= new Set());
    ids.forEach((i) => s.add(i));
  };
  for (const [fw, ids] of Object.entries(c.frameworks ?? {})) add(fw, ids);
  for (const rule of c.references.guard ?? []) {
    for (const [fw, ids] of Object.entries(data.rules[rule] ?? {})) add(fw, ids);
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, [...v].sort()]));
}
