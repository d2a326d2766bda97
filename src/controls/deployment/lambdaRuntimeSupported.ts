import { defineControl } from '../api.js';
import { asString } from '../../model/value.js';
import { LAMBDA_TYPES } from '../lib/operations.js';

/** Lambda runtime identifiers and the date AWS deprecated them (stopped security patches). */
export const DEPRECATED_RUNTIMES: Record<string, string> = {
  'nodejs': '2016-10-31', 'nodejs4.3': '2020-03-05', 'nodejs4.3-edge': '2019-04-30', 'nodejs6.10': '2019-08-12', 'nodejs8.10': '2020-03-06',
  'nodejs10.x': '2021-07-30', 'nodejs12.x': '2023-03-31', 'nodejs14.x': '2023-12-04', 'nodejs16.x': '2024-06-12', 'nodejs18.x': '2025-09-01',
  'nodejs20.x': '2026-04-30',
  'python2.7': '2021-07-15', 'python3.6': '2022-07-18', 'python3.7': '2023-12-04', 'python3.8': '2024-10-14', 'python3.9': '2025-12-15',
  'dotnetcore1.0': '2019-07-30', 'dotnetcore2.0': '2019-05-30', 'dotnetcore2.1': '2022-01-05', 'dotnetcore3.1': '2023-04-03', 'dotnet5.0': '2022-05-10',
  'dotnet6': '2024-12-20', 'dotnet7': '2024-05-14', 'dotnet8': '2026-11-10',
  'ruby2.5': '2021-07-30', 'ruby2.7': '2023-12-07', 'ruby3.2': '2026-03-31',
  'java8': '2024-01-08', 'go1.x': '2024-01-08', 'provided': '2024-01-08',
};

/**
 * Identifiers AWS Lambda supported when this table was last reviewed (2026-12) and that have
 * no deprecation date above. A string in neither table is not known to be supported: a typo
 * (`pythn3.12`) or a runtime newer than this release — `unknown`, never a pass.
 */
const CURRENT_RUNTIMES = new Set([
  'nodejs22.x', 'nodejs24.x',
  'python3.10', 'python3.11', 'python3.12', 'python3.13', 'python3.14',
  'java8.al2', 'java11', 'java17', 'java21', 'java25',
  'dotnet10', 'ruby3.3', 'ruby3.4',
  'provided.al2', 'provided.al2023',
]);

/** When `rt` was deprecated; the runtime is the template's string, so `constructor` must not find Object's. */
function deprecatedOn(rt: string): string | undefined {
  return Object.hasOwn(DEPRECATED_RUNTIMES, rt) ? DEPRECATED_RUNTIMES[rt] : undefined;
}

function failMessage(rt: string | undefined): string {
  if (rt === undefined) return 'every runtime the function can be deployed with is deprecated: no more security patches';
  const d = deprecatedOn(rt);
  return d ? `the runtime ${rt} is deprecated since ${d}: no more security patches` : `the runtime is not a recognised identifier`;
}

export default defineControl({
  id: 'AT-LAMBDA-001',
  title: 'Lambda functions use a runtime that AWS still supports',
  domain: 'deployment',
  severity: 'medium',
  resourceTypes: LAMBDA_TYPES,
  rationale: 'Deprecated runtimes no longer receive security patches, and AWS eventually blocks creating and updating functions that use them, so a fix cannot be deployed in an emergency.',
  remediation: 'Move the function to a supported runtime identifier (for example nodejs22.x, python3.13, java21, provided.al2023).',
  remediationTerraform: 'Set runtime on the aws_lambda_function to a supported identifier (for example nodejs22.x, python3.13, java21, provided.al2023).',
  references: { checkov: ['CKV_AWS_363'] },
  evaluate(r) {
    if (asString(r.get('PackageType')) === 'Image') return r.notApplicable('container image function: the runtime comes from the image');
    if (!r.get('Runtime')) return r.notApplicable('no Runtime declared');
    const today = r.today;
    return r.expect('Runtime', (v) => {
      if (v && v.k === 'unknown') return { unknown: v };
      const s = asString(v);
      if (s === undefined) return false;
      const d = deprecatedOn(s);
      if (d) return d > today;
      if (CURRENT_RUNTIMES.has(s)) return true;
      return { unknown: { k: 'unknown', reason: `"${s}" is not a Lambda runtime identifier known to this release of Attest (misspelt, or newer)`, params: [], loc: v!.loc } };
    }, {
      pass: 'the runtime is supported by AWS Lambda',
      fail: failMessage(asString(r.get('Runtime'))),
      unknown: 'cannot tell whether AWS Lambda still supports the runtime',
    });
  },
});
