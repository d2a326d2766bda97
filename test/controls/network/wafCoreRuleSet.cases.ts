import control from '../../../src/controls/network/wafCoreRuleSet.js';
import { cases, tf } from '../../helpers/cases.js';
import { managedRule, rateRule, tfManagedRule, tfRateRule, tfWebAcl, webAcl } from '../builders/waf.js';

export default cases(control, {
  pass: [
    { name: 'core rule set enforcing', template: webAcl(`${rateRule()}\n${managedRule('AWSManagedRulesCommonRuleSet', 1, 'None', 'AWS', true)}\n${managedRule('AWSManagedRulesKnownBadInputsRuleSet', 2)}`) },
    tf(tfWebAcl(`${tfRateRule()}\n${tfManagedRule('AWSManagedRulesCommonRuleSet', 1, { mark: true })}\n${tfManagedRule('AWSManagedRulesKnownBadInputsRuleSet', 2)}`), { name: 'core rule set enforcing' }),
  ],
  fail: [
    { name: 'core rule set only counting', template: webAcl(managedRule('AWSManagedRulesCommonRuleSet', 1, 'Count', 'AWS', true)) },
    { name: 'only a rate limit', template: webAcl(rateRule(), { rulesLine: ' # <--' }) },
    tf(tfWebAcl(tfManagedRule('AWSManagedRulesCommonRuleSet', 1, { override: 'count', mark: true })), { name: 'core rule set only counting' }),
    tf(tfWebAcl(tfManagedRule('AWSManagedRulesSQLiRuleSet', 1)).replace('  rule {', '  rule { # <--'), { name: 'SQL injection rules only' }),
    tf(tfWebAcl('', { mark: true }), { name: 'no rules' }),
  ],
  unknown: [
    { name: "another vendor's managed rule group", template: webAcl(managedRule('OWASP-Top10', 1, 'None', 'ExampleVendor', true)) },
    tf(tfWebAcl(tfManagedRule('OWASP-Top10', 1, { vendor: 'ExampleVendor', mark: true })), { name: "another vendor's managed rule group" }),
    { name: 'core rule set counting or blocking by a condition', template: webAcl(`        - Name: core # <--
          Priority: 1
          OverrideAction: !If [Counting, { Count: {} }, { None: {} }]
          Statement:
            ManagedRuleGroupStatement: { VendorName: AWS, Name: AWSManagedRulesCommonRuleSet }
          VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: core }`, { before: 'Parameters:\n  Mode: { Type: String }\nConditions:\n  Counting: !Equals [!Ref Mode, count]\n' }) },
    tf(`variable "core_override" {
  type = any
}

resource "aws_wafv2_web_acl" "main" {
  name  = "main"
  scope = "REGIONAL"

  default_action {
    allow {}
  }

  rule_json = jsonencode([{ # <--
    Name             = "core"
    Priority         = 1
    OverrideAction   = var.core_override
    Statement        = { ManagedRuleGroupStatement = { VendorName = "AWS", Name = "AWSManagedRulesCommonRuleSet" } }
    VisibilityConfig = { SampledRequestsEnabled = true, CloudWatchMetricsEnabled = true, MetricName = "core" }
  }])

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "main"
    sampled_requests_enabled   = true
  }
}
`, { name: 'rule_json whose core rule set override comes from a variable without a value' }),
    tf(`variable "group_name" {
  type = string
}

resource "aws_wafv2_web_acl" "main" {
  name  = "main"
  scope = "REGIONAL"

  default_action {
    allow {}
  }

  rule_json = jsonencode([{ # <--
    Name             = "managed"
    Priority         = 1
    OverrideAction   = { None = {} }
    Statement        = { ManagedRuleGroupStatement = { VendorName = "AWS", Name = var.group_name } }
    VisibilityConfig = { SampledRequestsEnabled = true, CloudWatchMetricsEnabled = true, MetricName = "managed" }
  }])

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "main"
    sampled_requests_enabled   = true
  }
}
`, { name: 'rule_json whose managed group name comes from a variable without a value' }),
  ],
});
