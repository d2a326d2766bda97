// Regenerates src/frameworks/guard-mappings.json from the AWS Guard Rules Registry mapping
// files (Apache-2.0; see src/frameworks/NOTICE-guard-rules-registry.txt).
// Usage: node scripts/build-framework-data.mjs ../shared/corpus/guard-registry
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';

const dir = process.argv[2] ?? '../shared/corpus/guard-registry';
const pick = {
  'rule_set_nist800_53rev5.json': { id: 'nist-800-53-r5', title: 'NIST SP 800-53 Rev. 5' },
  'rule_set_hipaa_security.json': { id: 'hipaa', title: 'HIPAA Security Rule (45 CFR 164)' },
  'rule_set_cis_aws_benchmark_level_1.json': { id: 'cis-aws-l1', title: 'CIS Amazon Web Services Foundations Benchmark v1.4.0, Level 1' },
  'rule_set_cis_aws_benchmark_level_2.json': { id: 'cis-aws-l2', title: 'CIS Amazon Web Services Foundations Benchmark v1.4.0, Level 2' },
  'rule_set_nist_csf.json': { id: 'nist-csf-1.1', title: 'NIST Cybersecurity Framework 1.1' },
  'rule_set_pci_dss_3_2_1.json': { id: 'pci-dss-3.2.1', title: 'PCI DSS 3.2.1' },
  'rule_set_fedramp_moderate.json': { id: 'fedramp-moderate', title: 'FedRAMP Moderate' },
};
const frameworks = {};
const rules = {};
for (const f of readdirSync(join(dir, 'mappings'))) {
  const meta = pick[f];
  if (!meta) continue;
  const data = JSON.parse(readFileSync(join(dir, 'mappings', f), 'utf8'));
  frameworks[meta.id] = { title: meta.title, source: `aws-guard-rules-registry mappings/${f}`, version: data.version };
  for (const m of data.mappings) {
    const rule = basename(m.guardFilePath, '.guard').toUpperCase();
    rules[rule] ??= {};
    rules[rule][meta.id] = [...new Set(m.controls)].sort();
  }
}
const sorted = Object.fromEntries(Object.entries(rules).sort(([a], [b]) => (a < b ? -1 : 1)));
writeFileSync('src/frameworks/guard-mappings.json', JSON.stringify({ frameworks, rules: sorted }, null, 1) + '\n');
console.log(`${Object.keys(sorted).length} rules, ${Object.keys(frameworks).length} frameworks`);
