import control from '../../../src/controls/data-protection/sagemakerEndpointConfigKms.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  R:
    Type: AWS::SageMaker::EndpointConfig
    Properties:
      ProductionVariants:
        - ModelName: churn
          VariantName: primary
          InitialInstanceCount: 1
          InstanceType: ml.m5.large
      KmsKeyId: alias/sagemaker # <--
`,
    tf(`resource "aws_sagemaker_endpoint_configuration" "churn" {
  kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/abc" # <--
  name = "churn"
  
  production_variants {
    variant_name           = "primary"
    model_name             = "churn"
    initial_instance_count = 1
    instance_type          = "ml.m5.large"
  }
}
`, { name: 'kms_key_arn set' }),
  ],
  fail: [
    { name: 'left out', template: `Resources:
  R: # <--
    Type: AWS::SageMaker::EndpointConfig
    Properties:
      ProductionVariants:
        - ModelName: churn
          VariantName: primary
          InitialInstanceCount: 1
          InstanceType: ml.m5.large
` },
    tf(`resource "aws_sagemaker_endpoint_configuration" "churn" { # <--
  name = "churn"
  
  production_variants {
    variant_name           = "primary"
    model_name             = "churn"
    initial_instance_count = 1
    instance_type          = "ml.m5.large"
  }
}
`, { name: 'left out' }),
  ],
  unknown: [
    { name: 'parameter without a value', template: `Parameters:
  Key: { Type: String }
Resources:
  R:
    Type: AWS::SageMaker::EndpointConfig
    Properties:
      ProductionVariants:
        - ModelName: churn
          VariantName: primary
          InitialInstanceCount: 1
          InstanceType: ml.m5.large
      KmsKeyId: !Ref Key # <--
` },
    tf(`variable "key" {
  type = string
}

resource "aws_sagemaker_endpoint_configuration" "churn" {
  name        = "churn"
  kms_key_arn = var.key # <--
}
`, { name: 'from a variable' }),
  ],
});
