import control from '../../../src/controls/data-protection/ecrImmutableTags.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::ECR::Repository
    Properties:
      ImageTagMutability: IMMUTABLE # <--
`,
    { name: "parameter default", template: `Parameters:
  Mut: { Type: String, Default: 'IMMUTABLE' }
Resources:
  B:
    Type: AWS::ECR::Repository
    Properties:
      ImageTagMutability: !Ref Mut # <--
` },
    tf(`resource "aws_ecr_repository" "app" {
  name                 = "app"
  image_tag_mutability = "IMMUTABLE" # <--
}
`, { name: 'image_tag_mutability = IMMUTABLE' }),
  ],
  fail: [
    `Resources:
  B: # <--
    Type: AWS::ECR::Repository
`,
    `Resources:
  B:
    Type: AWS::ECR::Repository
    Properties:
      ImageTagMutability: MUTABLE # <--
`,
    tf(`resource "aws_ecr_repository" "app" { # <--
  name = "app"
}
`, { name: 'image_tag_mutability left at MUTABLE' }),
    tf(`resource "aws_ecr_repository" "app" {
  name                 = "app"
  image_tag_mutability = "MUTABLE" # <--
}
`, { name: 'image_tag_mutability = MUTABLE' }),
  ],
  unknown: [
    { name: "Fn::If on an undecidable condition", template: `Parameters:
  Env: { Type: String }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  B:
    Type: AWS::ECR::Repository
    Properties:
      ImageTagMutability: !If [IsProd, IMMUTABLE, MUTABLE] # <--
` },
    tf(`variable "environment" {
  type = string
}

resource "aws_ecr_repository" "app" {
  name                 = "app"
  image_tag_mutability = var.environment == "prod" ? "IMMUTABLE" : "MUTABLE" # <--
}
`, { name: 'mutability chosen by a variable without a value' }),
  ],
});
