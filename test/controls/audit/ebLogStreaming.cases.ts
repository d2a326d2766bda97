import control from '../../../src/controls/audit/ebLogStreaming.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Env:
    Type: AWS::ElasticBeanstalk::Environment
    Properties:
      ApplicationName: shop
      SolutionStackName: 64bit Amazon Linux 2023 v4.3.0 running Python 3.11
      OptionSettings:
        - Namespace: aws:elasticbeanstalk:cloudwatch:logs
          OptionName: StreamLogs
          Value: "true" # <--
`,
    `Resources:
  Tpl:
    Type: AWS::ElasticBeanstalk::ConfigurationTemplate
    Properties:
      ApplicationName: shop
      SolutionStackName: 64bit Amazon Linux 2023 v4.3.0 running Python 3.11
      OptionSettings:
        - Namespace: aws:elasticbeanstalk:cloudwatch:logs
          OptionName: StreamLogs
          Value: "true" # <--
  Env:
    Type: AWS::ElasticBeanstalk::Environment
    Properties:
      ApplicationName: shop
      TemplateName: !Ref Tpl
`,
    tf(`resource "aws_elastic_beanstalk_environment" "shop" {
  name                = "shop"
  application         = "shop"
  solution_stack_name = "64bit Amazon Linux 2023 v4.3.0 running Python 3.11"

  setting {
    namespace = "aws:elasticbeanstalk:cloudwatch:logs"
    name      = "StreamLogs"
    value     = "true" # <--
  }
}
`, { name: 'StreamLogs true' }),
  ],
  fail: [
    `Resources:
  Env:
    Type: AWS::ElasticBeanstalk::Environment
    Properties:
      ApplicationName: shop
      SolutionStackName: 64bit Amazon Linux 2023 v4.3.0 running Python 3.11
      OptionSettings:
        - Namespace: aws:elasticbeanstalk:cloudwatch:logs
          OptionName: StreamLogs
          Value: "false" # <--
`,
    `Resources:
  Env: # <--
    Type: AWS::ElasticBeanstalk::Environment
    Properties:
      ApplicationName: shop
      SolutionStackName: 64bit Amazon Linux 2023 v4.3.0 running Python 3.11
`,
    tf(`resource "aws_elastic_beanstalk_environment" "shop" { # <--
  name                = "shop"
  application         = "shop"
  solution_stack_name = "64bit Amazon Linux 2023 v4.3.0 running Python 3.11"
}
`, { name: 'no setting' }),
    tf(`resource "aws_elastic_beanstalk_environment" "shop" {
  name                = "shop"
  application         = "shop"
  solution_stack_name = "64bit Amazon Linux 2023 v4.3.0 running Python 3.11"

  setting {
    namespace = "aws:elasticbeanstalk:cloudwatch:logs"
    name      = "StreamLogs"
    value     = "false" # <--
  }
}
`, { name: 'StreamLogs false' }),
  ],
  unknown: [
    tf(`resource "aws_elastic_beanstalk_environment" "shop" {
  name          = "shop"
  application   = "shop"
  template_name = "shared-template" # <--
}
`, { name: 'configuration template not in the configuration' }),
    tf(`variable "value" {
  type = string
}

resource "aws_elastic_beanstalk_environment" "shop" {
  name                = "shop"
  application         = "shop"
  solution_stack_name = "64bit Amazon Linux 2023 v4.3.0 running Python 3.11"

  setting {
    namespace = "aws:elasticbeanstalk:cloudwatch:logs"
    name      = "StreamLogs"
    value     = var.value # <--
  }
}
`, { name: 'value from a variable without a value' }),
  ],
});
