import control from '../../../src/controls/data-protection/ecrScanOnPush.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::ECR::Repository
    Properties:
      ImageScanningConfiguration:
        ScanOnPush: true # <--
`,
    tf(`resource "aws_ecr_repository" "app" {
  name = "app"

  image_scanning_configuration {
    scan_on_push = true # <--
  }
}
`, { name: 'scan_on_push = true' }),
  ],
  fail: [
    `Resources:
  B: # <--
    Type: AWS::ECR::Repository
    Properties:
      RepositoryName: app
`,
    `Resources:
  B:
    Type: AWS::ECR::Repository
    Properties:
      ImageScanningConfiguration: { ScanOnPush: false } # <--
`,
    tf(`resource "aws_ecr_repository" "app" { # <--
  name = "app"
}
`, { name: 'no image_scanning_configuration' }),
    tf(`resource "aws_ecr_repository" "app" {
  name = "app"

  image_scanning_configuration {
    scan_on_push = false # <--
  }
}
`, { name: 'scan_on_push = false' }),
  ],
  unknown: [
    { name: "parameter without default", template: `Parameters:
  Scan: { Type: String }
Resources:
  B:
    Type: AWS::ECR::Repository
    Properties:
      ImageScanningConfiguration:
        ScanOnPush: !Ref Scan # <--
` },
    tf(`variable "scan_images" {
  type = bool
}

resource "aws_ecr_repository" "app" {
  name = "app"

  image_scanning_configuration {
    scan_on_push = var.scan_images # <--
  }
}
`, { name: 'scan_on_push from a variable without a value' }),
  ],
});
