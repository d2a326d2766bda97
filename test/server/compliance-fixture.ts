/**
 * Small framework catalogs for the compliance API and console tests, built over the controls
 * the test servers' scan really decides (the example platform's rds.yaml and cognito.yaml):
 * the shipped catalogs are being rewritten, and a test must not depend on which of their
 * requirements take manual evidence today.
 */
import { fileURLToPath } from 'node:url';
import { CONTROLS } from '../../src/controls/index.js';
import { scanPaths } from '../../src/engine/scan.js';
import type { Catalog, Requirement } from '../../src/frameworks/schema.js';
import type { Finding } from '../../src/model/types.js';

export const FW = 'attest-test-2026';
export const FW_B = 'attest-test-b-1';

export interface Fixture {
  catalogs: Catalog[];
  /** A control whose every finding in the example fails, and the resource it fails on. */
  failing: { control: string; resource: string };
  /** A control whose every finding passes. */
  passing: string;
  /** A service control the dev-mode self-assessment fails (the development issuer is trusted). */
  serviceFailing: string;
  /** A service control it passes. */
  servicePassing: string;
}

const EXAMPLE = ['rds.yaml', 'cognito.yaml'].map((f) => fileURLToPath(new URL(`../../../examples/platform/${f}`, import.meta.url)));

function statusesByControl(findings: Finding[]): Map<string, Set<string>> {
  const m = new Map<string, Set<string>>();
  for (const f of findings) (m.get(f.controlId) ?? m.set(f.controlId, new Set()).get(f.controlId)!).add(f.status);
  return m;
}

function req(id: string, title: string, evidence: Requirement['evidence'], extra: Partial<Requirement> = {}): Requirement {
  return { id, title, summary: `What ${id} asks for, in test words.`, section: extra.section ?? 'T1 Test section', evidence, ...extra };
}

export function complianceFixture(): Fixture {
  const { findings } = scanPaths(EXAMPLE, { controls: CONTROLS });
  const by = statusesByControl(findings);
  const only = (s: string) => [...by].filter(([, set]) => set.size === 1 && set.has(s)).map(([c]) => c);
  const failingControl = only('fail').find((c) => findings.filter((f) => f.controlId === c).length === 1);
  const passing = only('pass')[0];
  if (!failingControl || !passing) throw new Error('the example no longer has a control that only fails (once) and one that only passes');
  const failing = { control: failingControl, resource: findings.find((f) => f.controlId === failingControl)!.resource.id };
  const serviceFailing = 'ATTEST-SVC-AUTHN-001';
  const servicePassing = 'ATTEST-SVC-AUTHZ-001';
  const manual = (attesters: string[], validityDays = 90) => ({ attach: 'The signed policy and the minutes of its approval.', attesters, validityDays });
  const a: Catalog = {
    id: FW,
    framework: 'attest-test',
    name: 'Attest test framework',
    version: '2026',
    source: 'test fixture',
    licence: 'n/a',
    categories: [
      { id: 'core', title: 'Core', default: true },
      { id: 'extra', title: 'Extra', default: false },
    ],
    requirements: [
      req('T-1', 'Configuration that passes', { controls: [passing] }, { category: 'core' }),
      req('T-2', 'Configuration that fails', { controls: [failing.control] }, { category: 'core' }),
      req('T-3', 'A signed policy', { manual: manual(['security-officer', 'admin']) }, { category: 'core', section: 'T2 Policies' }),
      req('T-4', 'Passing configuration plus a document', { controls: [passing], manual: manual(['security-officer', 'admin']) }, { category: 'core', section: 'T2 Policies' }),
      req('T-5', 'The service authorizes every route', { service: [servicePassing] }, { category: 'core' }),
      req('T-6', 'The service trusts a real identity provider', { service: [serviceFailing] }, { category: 'core' }),
      req('T-7', 'Physical security of a data centre', { notApplicable: 'the platform runs on a cloud provider; its data centres are the provider\'s' }, { category: 'core' }),
      req('T-8', 'A board resolution only the administrator attests', { manual: manual(['admin']) }, { category: 'core', section: 'T2 Policies' }),
      req('T-9', 'An extra document', { manual: manual(['security-officer', 'admin']) }, { category: 'extra', section: 'T3 Extra' }),
    ],
  };
  const b: Catalog = {
    id: FW_B,
    framework: 'attest-test-b',
    name: 'Second test framework',
    version: '1',
    source: 'test fixture',
    licence: 'n/a',
    requirements: [
      req('B-1', 'Configuration that fails', { controls: [failing.control] }),
      req('B-2', 'Risk assessment', { manual: manual(['security-officer', 'admin'], 365) }),
    ],
  };
  return { catalogs: [a, b], failing, passing, serviceFailing, servicePassing };
}
