import control from '../../../src/controls/network/wafWebAclHasRules.js';
import { cases } from '../../helpers/cases.js';

const acl = (rest: string) => `Resources:
  Acl:
    Type: AWS::WAFv2::WebACL
    Properties:
      Scope: REGIONAL
      VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: acl }
${rest}`;

export default cases(control, {
  pass: [
    acl(`      DefaultAction: { Allow: {} }
      Rules:
        - Name: common
          Priority: 0
          OverrideAction: { None: {} }
          Statement: { ManagedRuleGroupStatement: { VendorName: AWS, Name: AWSManagedRulesCommonRuleSet } }
          VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: common }`),
  ],
  fail: [acl('      DefaultAction: { Allow: {} }'), acl('      DefaultAction: { Allow: {} }\n      Rules: []')],
});
