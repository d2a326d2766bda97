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
