import control from '../../../src/controls/network/wafRateBasedRule.js';
import { cases, tf } from '../../helpers/cases.js';
import { managedRule, rateRule, tfManagedRule, tfRateRule, tfWebAcl, webAcl } from '../builders/waf.js';

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

const tfGroup = `
resource "aws_wafv2_rule_group" "limits" {
  name     = "limits"
  scope    = "REGIONAL"
  capacity = 10

  rule { # <--
    name     = "login-limit"
    priority = 0

    action {
      block {}
    }

    statement {
      rate_based_statement {
        limit              = 100
        aggregate_key_type = "IP"
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "login"
      sampled_requests_enabled   = true
    }
  }

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "limits"
    sampled_requests_enabled   = true
  }
}
`;

const groupRule = (arn: string, mark = '') => `  rule {${mark}
    name     = "limits"
    priority = 0

    override_action {
      none {}
    }

    statement {
      rule_group_reference_statement {
        arn = ${arn}
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "limits"
      sampled_requests_enabled   = true
    }
  }
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
    tf(tfWebAcl(`${tfRateRule({ mark: true })}\n${tfManagedRule('AWSManagedRulesCommonRuleSet', 1)}`), { name: 'blocking rate-based rule' }),
    tf(tfWebAcl(groupRule('aws_wafv2_rule_group.limits.arn'), { after: tfGroup }), { name: 'rate limit in a rule group of the configuration' }),
  ],
  fail: [
    { name: 'rate-based rule that only counts', template: webAcl(rateRule('Count', true)) },
    { name: 'content rules only', template: webAcl(managedRule('AWSManagedRulesCommonRuleSet', 1), { rulesLine: ' # <--' }) },
    tf(tfWebAcl(tfRateRule({ action: 'count', mark: true })), { name: 'rate-based rule that only counts' }),
    tf(tfWebAcl(tfManagedRule('AWSManagedRulesCommonRuleSet', 1, { mark: true })), { name: 'content rules only' }),
    tf(tfWebAcl('', { mark: true }), { name: 'no rules' }),
  ],
  unknown: [
    { name: 'rule group outside the template', template: webAcl(`        - Name: shared-limits # <--
          Priority: 0
          OverrideAction: { None: {} }
          Statement:
            RuleGroupReferenceStatement: { Arn: arn:aws:wafv2:eu-west-1:111122223333:regional/rulegroup/shared/a1b2c3 }
          VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: shared }`) },
    tf(tfWebAcl(groupRule('"arn:aws:wafv2:eu-west-1:111122223333:regional/rulegroup/shared/a1b2c3"', ' # <--')), { name: 'rule group outside the configuration' }),
    { name: 'rate rule counting or blocking by a condition', template: webAcl(`        - Name: per-ip-limit # <--
          Priority: 0
          Action: !If [Counting, { Count: {} }, { Block: {} }]
          Statement:
            RateBasedStatement: { Limit: 2000, AggregateKeyType: IP }
          VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: rate }`, { before: 'Parameters:\n  Mode: { Type: String }\nConditions:\n  Counting: !Equals [!Ref Mode, count]\n' }) },
    tf(`variable "rate_action" {
  type = any
}

resource "aws_wafv2_web_acl" "main" {
  name  = "main"
  scope = "REGIONAL"

  default_action {
    allow {}
  }

  rule_json = jsonencode([{ # <--
    Name             = "per-ip-limit"
    Priority         = 0
    Action           = var.rate_action
    Statement        = { RateBasedStatement = { Limit = 2000, AggregateKeyType = "IP" } }
    VisibilityConfig = { SampledRequestsEnabled = true, CloudWatchMetricsEnabled = true, MetricName = "rate" }
  }])

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "main"
    sampled_requests_enabled   = true
  }
}
`, { name: 'rule_json whose rate rule action comes from a variable without a value' }),
  ],
});
