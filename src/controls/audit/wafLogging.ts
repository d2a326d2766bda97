import { defineControl, evidenceAt, type Outcome } from '../api.js';

export default defineControl({
  id: 'AT-WAF-005',
  title: 'WAF web ACLs log the requests they inspect',
  domain: 'audit',
  severity: 'low',
  resourceTypes: ['AWS::WAFv2::WebACL'],
  rationale: 'Without logging, a web ACL keeps only sampled requests and metrics: there is no record of which clients were blocked or allowed and by which rule, which is what investigating an attack or tuning a rule needs.',
  remediation: 'Declare an AWS::WAFv2::LoggingConfiguration whose ResourceArn is the web ACL\'s Arn and whose LogDestinationConfigs names a CloudWatch Logs group (aws-waf-logs-*), a Firehose stream or an S3 bucket.',
  remediationTerraform: 'Declare an aws_wafv2_web_acl_logging_configuration with resource_arn set to the web ACL\'s arn and log_destination_configs naming a CloudWatch Logs group (aws-waf-logs-*), a Firehose stream or an S3 bucket.',
  references: {},
  evaluate(r): Outcome {
    const configs = r.graph.pointingAt(r.resource, 'AWS::WAFv2::LoggingConfiguration', 'ResourceArn');
    if (configs.length) {
      const c = configs[0];
      const arn = c.properties.props.get('ResourceArn');
      return r.pass(`requests are logged by ${c.id}`, arn?.loc ?? c.loc, [evidenceAt(`${c.id}.Properties.ResourceArn`, arn, c.properties.keyLocs.get('ResourceArn') ?? c.loc, 'AWS::WAFv2::LoggingConfiguration for this web ACL'), evidenceAt(`${c.id}.Properties.LogDestinationConfigs`, c.properties.props.get('LogDestinationConfigs'), c.properties.keyLocs.get('LogDestinationConfigs') ?? c.loc)]);
    }
    return r.fail('no AWS::WAFv2::LoggingConfiguration for this web ACL in the scanned templates (logging may be configured outside them)', r.resource.loc, [evidenceAt('LoggingConfiguration', undefined, r.resource.loc, 'no logging configuration found')]);
  },
});
