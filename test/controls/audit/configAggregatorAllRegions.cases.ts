import control from '../../../src/controls/audit/configAggregatorAllRegions.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Agg:
    Type: AWS::Config::ConfigurationAggregator
    Properties:
      OrganizationAggregationSource:
        RoleArn: arn:aws:iam::111122223333:role/config-aggregator
        AllAwsRegions: true # <--
`,
    tf(`resource "aws_config_configuration_aggregator" "org" {
  name = "org"

  account_aggregation_source {
    account_ids = ["111122223333"]
    all_regions = true # <--
  }
}
`, { name: 'all_regions = true' }),
  ],
  fail: [
    `Resources:
  Agg:
    Type: AWS::Config::ConfigurationAggregator
    Properties:
      AccountAggregationSources:
        - AccountIds: ['111122223333'] # <--
          AwsRegions: [eu-west-1]
`,
    tf(`resource "aws_config_configuration_aggregator" "org" {
  name = "org"

  organization_aggregation_source {
    role_arn    = "arn:aws:iam::111122223333:role/config-aggregator"
    regions     = ["eu-west-1"]
    all_regions = false # <--
  }
}
`, { name: 'listed regions only' }),
  ],
  unknown: [
    { name: 'all regions from a parameter', template: `Parameters:
  All: { Type: String }
Resources:
  Agg:
    Type: AWS::Config::ConfigurationAggregator
    Properties:
      OrganizationAggregationSource:
        RoleArn: arn:aws:iam::111122223333:role/config-aggregator
        AllAwsRegions: !Ref All # <--
` },
  ],
});
