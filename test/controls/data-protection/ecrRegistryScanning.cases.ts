import control from '../../../src/controls/data-protection/ecrRegistryScanning.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Scanning:
    Type: AWS::ECR::RegistryScanningConfiguration
    Properties:
      ScanType: ENHANCED
      Rules:
        - ScanFrequency: CONTINUOUS_SCAN # <--
          RepositoryFilters:
            - { Filter: '*', FilterType: WILDCARD }
`,
    tf(`resource "aws_ecr_registry_scanning_configuration" "this" {
  scan_type = "BASIC"

  rule {
    scan_frequency = "SCAN_ON_PUSH" # <--
    repository_filter {
      filter      = "*"
      filter_type = "WILDCARD"
    }
  }
}
`, { name: 'basic scan on push for every repository' }),
  ],
  fail: [
    `Resources:
  Scanning:
    Type: AWS::ECR::RegistryScanningConfiguration
    Properties:
      ScanType: BASIC
      Rules: # <--
        - ScanFrequency: SCAN_ON_PUSH
          RepositoryFilters:
            - { Filter: 'prod-*', FilterType: WILDCARD }
`,
    tf(`resource "aws_ecr_registry_scanning_configuration" "this" {
  scan_type = "ENHANCED"

  rule { # <--
    scan_frequency = "MANUAL"
    repository_filter {
      filter      = "*"
      filter_type = "WILDCARD"
    }
  }
}
`, { name: 'manual scans only' }),
  ],
  unknown: [
    { name: 'frequency from a parameter', template: `Parameters:
  Frequency: { Type: String }
Resources:
  Scanning:
    Type: AWS::ECR::RegistryScanningConfiguration
    Properties:
      ScanType: ENHANCED
      Rules:
        - ScanFrequency: !Ref Frequency # <--
          RepositoryFilters:
            - { Filter: '*', FilterType: WILDCARD }
` },
  ],
});
