// A regional WAFv2 web ACL for the WAF case tables; `rules` is written under Rules (8 spaces).
export function webAcl(rules: string, opts: { before?: string; after?: string; rulesLine?: string } = {}): string {
  return `${opts.before ?? ''}Resources:
  Acl:
    Type: AWS::WAFv2::WebACL
    Properties:
      Scope: REGIONAL
      DefaultAction: { Allow: {} }
      VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: acl }
      Rules:${opts.rulesLine ?? ''}
${rules.replace(/^\n/, '').replace(/\n?$/, '\n')}${opts.after ?? ''}`;
}

/** A rule using a managed rule group. */
export function managedRule(name: string, priority: number, override = 'None', vendor = 'AWS', mark = false): string {
  return `        - Name: ${name}${mark ? ' # <--' : ''}
          Priority: ${priority}
          OverrideAction: { ${override}: {} }
          Statement:
            ManagedRuleGroupStatement: { VendorName: ${vendor}, Name: ${name} }
          VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: ${name} }`;
}

/** A rate-based rule. */
export function rateRule(action = 'Block', mark = false): string {
  return `        - Name: per-ip-limit${mark ? ' # <--' : ''}
          Priority: 0
          Action: { ${action}: {} }
          Statement:
            RateBasedStatement: { Limit: 2000, AggregateKeyType: IP }
          VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: rate }`;
}

/** A regional Terraform web ACL; `rules` are `rule` blocks (2 spaces), `mark` marks the resource line. */
export function tfWebAcl(rules: string, opts: { before?: string; after?: string; mark?: boolean; defaultAction?: string } = {}): string {
  return `${opts.before ?? ''}resource "aws_wafv2_web_acl" "main" {${opts.mark ? ' # <--' : ''}
  name  = "main"
  scope = "REGIONAL"

  default_action {
    ${opts.defaultAction ?? 'allow {}'}
  }
${rules ? `\n${rules.replace(/^\n/, '').replace(/\n?$/, '\n')}` : ''}
  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "main"
    sampled_requests_enabled   = true
  }
}
${opts.after ?? ''}`;
}

/** A Terraform rule applying a managed rule group; `override` is none or count. */
export function tfManagedRule(name: string, priority: number, opts: { override?: string; vendor?: string; mark?: boolean } = {}): string {
  return `  rule {${opts.mark ? ' # <--' : ''}
    name     = "${name}"
    priority = ${priority}

    override_action {
      ${opts.override ?? 'none'} {}
    }

    statement {
      managed_rule_group_statement {
        name        = "${name}"
        vendor_name = "${opts.vendor ?? 'AWS'}"
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "${name}"
      sampled_requests_enabled   = true
    }
  }
`;
}

/** A Terraform rate-based rule; `action` is block or count. */
export function tfRateRule(opts: { action?: string; mark?: boolean; priority?: number } = {}): string {
  return `  rule {${opts.mark ? ' # <--' : ''}
    name     = "per-ip-limit"
    priority = ${opts.priority ?? 0}

    action {
      ${opts.action ?? 'block'} {}
    }

    statement {
      rate_based_statement {
        limit              = 2000
        aggregate_key_type = "IP"
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "rate"
      sampled_requests_enabled   = true
    }
  }
`;
}
