import control from '../../../src/controls/audit/wafLogging.js';
import { cases, tf } from '../../helpers/cases.js';
import { rateRule, webAcl } from '../builders/waf.js';

export default cases(control, {
  pass: [
    { name: 'logging configuration for the web ACL', template: webAcl(rateRule(), { after: `  AclLogs:
    Type: AWS::Logs::LogGroup
    Properties:
      LogGroupName: aws-waf-logs-app
  AclLogging:
    Type: AWS::WAFv2::LoggingConfiguration
    Properties:
      ResourceArn: !GetAtt Acl.Arn # <--
      LogDestinationConfigs: [!GetAtt AclLogs.Arn]
` }) },
    tf(`resource "aws_wafv2_web_acl" "app" {
  name  = "app"
  scope = "REGIONAL"

  default_action {
    allow {}
  }

  rule {
    name     = "per-ip-limit"
    priority = 0
    action {
      block {}
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

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "app"
    sampled_requests_enabled   = true
  }
}

resource "aws_cloudwatch_log_group" "waf" {
  name              = "aws-waf-logs-app"
  retention_in_days = 90
}

resource "aws_wafv2_web_acl_logging_configuration" "app" {
  resource_arn            = aws_wafv2_web_acl.app.arn # <--
  log_destination_configs = [aws_cloudwatch_log_group.waf.arn]
}
`, { name: 'logging configuration for the web ACL' }),
  ],
  fail: [
    { name: 'no logging configuration', template: webAcl(rateRule()).replace('  Acl:\n', '  Acl: # <--\n') },
    tf(`resource "aws_wafv2_web_acl" "app" { # <--
  name  = "app"
  scope = "REGIONAL"

  default_action {
    allow {}
  }

  rule {
    name     = "per-ip-limit"
    priority = 0
    action {
      block {}
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

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "app"
    sampled_requests_enabled   = true
  }
}
`, { name: 'no logging configuration' }),
  ],
});
