import control from '../../../src/controls/network/wafWebAclHasRules.js';
import { cases, tf } from '../../helpers/cases.js';
import { tfManagedRule, tfWebAcl } from '../builders/waf.js';

const acl = (rest: string, mark = '') => `Resources:
  Acl:${mark}
    Type: AWS::WAFv2::WebACL
    Properties:
      Scope: REGIONAL
      VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: acl }
${rest}
`;

export default cases(control, {
  pass: [
    acl(`      DefaultAction: { Allow: {} }
      Rules: # <--
        - Name: common
          Priority: 0
          OverrideAction: { None: {} }
          Statement: { ManagedRuleGroupStatement: { VendorName: AWS, Name: AWSManagedRulesCommonRuleSet } }
          VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: common }`),
    acl('      DefaultAction: { Block: {} } # <--'),
    tf(tfWebAcl(tfManagedRule('AWSManagedRulesCommonRuleSet', 1, { mark: true }))),
    tf(`resource "aws_wafv2_web_acl" "allowlist" {
  name  = "allowlist"
  scope = "REGIONAL"

  default_action {
    block {} # <--
  }

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "allowlist"
    sampled_requests_enabled   = true
  }
}
`, { name: 'no rules, blocking by default' }),
  ],
  fail: [
    acl('      DefaultAction: { Allow: {} }', ' # <--'),
    acl('      DefaultAction: { Allow: {} }\n      Rules: [] # <--'),
    tf(tfWebAcl('', { mark: true }), { name: 'no rules, allowing by default' }),
  ],
  unknown: [
    tf(tfWebAcl(`  dynamic "rule" { # <--
    for_each = var.managed_groups
    content {
      name     = rule.value
      priority = rule.key

      override_action {
        none {}
      }

      statement {
        managed_rule_group_statement {
          name        = rule.value
          vendor_name = "AWS"
        }
      }

      visibility_config {
        cloudwatch_metrics_enabled = true
        metric_name                = rule.value
        sampled_requests_enabled   = true
      }
    }
  }
`, { before: 'variable "managed_groups" {\n  type = list(string)\n}\n\n' }), { name: 'rules from a variable without a value' }),
  ],
});
