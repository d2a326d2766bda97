import { decide, defineControl, type Outcome } from '../api.js';
import { asString } from '../../model/value.js';
import { oneOf } from '../predicates.js';

/** Analyzer types that report resources shared outside the account or organisation. */
const EXTERNAL = ['ACCOUNT', 'ORGANIZATION'];

export default defineControl({
  id: 'AT-IAM-015',
  title: 'IAM Access Analyzer analyses external access (account or organisation analyzer)',
  domain: 'iam',
  severity: 'low',
  resourceTypes: ['AWS::AccessAnalyzer::Analyzer'],
  rationale: 'An external access analyzer reports buckets, keys, roles, queues and other resources whose policies grant access outside the account or organisation, which is how unintended sharing is found. Unused-access analyzers report unused permissions instead and do not look for external sharing.',
  remediation: 'Declare an AWS::AccessAnalyzer::Analyzer with Type: ACCOUNT (or ORGANIZATION from the management or delegated administrator account) in every region in use; analyzers are regional.',
  remediationTerraform: 'Declare an aws_accessanalyzer_analyzer with type = "ACCOUNT" (the provider\'s default) or "ORGANIZATION" (from the management or delegated administrator account) in every region in use; analyzers are regional, and the unused-access types do not report external access.',
  references: {},
  evaluate(r): Outcome {
    const type = r.get('Type');
    const at = r.locate('Type');
    const ev = [r.evidence('Type')];
    const d = decide(type, oneOf(EXTERNAL));
    if (d === true) return r.pass(`the analyzer (${asString(type)}) reports resources shared outside the ${asString(type) === 'ORGANIZATION' ? 'organisation' : 'account'} in its region`, at, ev);
    if (d !== false) return r.unknown('the analyzer type depends on a deploy-time value', d.unknown, at, ev);
    const external = r.graph.ofType('AWS::AccessAnalyzer::Analyzer', r.resource).find((a) => EXTERNAL.includes(asString(a.properties.props.get('Type')) ?? ''));
    if (external) return r.notApplicable(`this analyzer (${asString(type) ?? 'no type'}) reports unused access; ${external.id} analyses external access`);
    return r.fail(`the analyzer type is ${asString(type) ?? '(not set)'}: it does not report external access, and no ACCOUNT or ORGANIZATION analyzer is declared with it`, at, ev);
  },
});
