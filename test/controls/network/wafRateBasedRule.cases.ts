import control from '../../../src/controls/network/wafRateBasedRule.js';
import { cases } from '../../helpers/cases.js';
import { managedRule, rateRule, webAcl } from '../builders/waf.js';

const group = `  Limits:
    Type: AWS::WAFv2::RuleGroup
    Properties:
      Scope: REGIONAL
      Capacity: 10
      VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: limits }
      Rules:
        - Name: login-limit # <--
          Priority: 0
          Action: { Block: {} }
          Statement:
            RateBasedStatement: { Limit: 100, AggregateKeyType: IP }
          VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: login }
`;

export default cases(control, {
  pass: [
    { name: 'blocking rate-based rule', template: webAcl(`${rateRule('Block', true)}\n${managedRule('AWSManagedRulesCommonRuleSet', 1)}`) },
    { name: 'rate limit in a rule group of the template', template: webAcl(`        - Name: limits
          Priority: 0
          OverrideAction: { None: {} }
          Statement:
            RuleGroupReferenceStatement: { Arn: !GetAtt Limits.Arn }
          VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: limits }`, { after: group }) },
  ],
  fail: [
    { name: 'rate-based rule that only counts', template: webAcl(rateRule('Count', true)) },
    { name: 'content rules only', template: webAcl(managedRule('AWSManagedRulesCommonRuleSet', 1), { rulesLine: ' # <--' }) },
  ],
  unknown: [
    { name: 'rule group outside the template', template: webAcl(`        - Name: shared-limits # <--
          Priority: 0
          OverrideAction: { None: {} }
          Statement:
            RuleGroupReferenceStatement: { Arn: arn:aws:wafv2:eu-west-1:111122223333:regional/rulegroup/shared/a1b2c3 }
          VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: shared }`) },
  ],
});
