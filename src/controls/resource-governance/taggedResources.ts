import { defineControl } from '../api.js';
import { isPresent } from '../predicates.js';

/**
 * The property each type keeps its tags in, where it is not `Tags` (EFS names them
 * FileSystemTags). Whether the tags are a list of Key/Value pairs (most types) or a map
 * (SAM functions and state machines) does not matter: any entry counts.
 */
const TAG_PROPERTY: Record<string, string> = {
  'AWS::EFS::FileSystem': 'FileSystemTags',
};

export default defineControl({
  id: 'AT-TAG-001',
  title: 'Taggable resources carry tags',
  domain: 'resource-governance',
  severity: 'low',
  resourceTypes: [
    'AWS::S3::Bucket', 'AWS::RDS::DBInstance', 'AWS::RDS::DBCluster', 'AWS::DynamoDB::Table', 'AWS::ECS::Cluster', 'AWS::ECS::Service',
    'AWS::ECS::TaskDefinition', 'AWS::Lambda::Function', 'AWS::Serverless::Function', 'AWS::ElasticLoadBalancingV2::LoadBalancer',
    'AWS::EC2::VPC', 'AWS::EC2::Instance', 'AWS::EC2::Volume', 'AWS::KMS::Key', 'AWS::Logs::LogGroup', 'AWS::SNS::Topic', 'AWS::SQS::Queue',
    'AWS::EFS::FileSystem', 'AWS::SecretsManager::Secret', 'AWS::Serverless::StateMachine', 'AWS::StepFunctions::StateMachine',
  ],
  rationale: 'Tags record owner, environment and data classification; without them nobody can tell who is responsible for a resource, which data it holds or what it costs, and tag-based access policies do not apply.',
  remediation: 'Add Tags (FileSystemTags on an EFS file system), for example owner, environment and data-classification, or set stack-level tags at deployment and declare them here for SAM Globals.',
  remediationTerraform: 'Add a tags map (for example owner, environment and data-classification) to the resource block (aws_s3_bucket, aws_lambda_function, aws_efs_file_system and so on), or set them once in the provider\'s default_tags block (counted when a plan is scanned, where they appear in tags_all).',
  references: {},
  evaluate(r) {
    // EFS names its tags FileSystemTags.
    const path = r.type === 'AWS::EFS::FileSystem' ? 'FileSystemTags' : 'Tags';
    return r.expect(path, isPresent, {
      pass: 'the resource declares tags',
      fail: `no ${path}: ownership, environment and data classification are not recorded on the resource (stack-level tags applied at deploy time are not visible here; a Terraform provider's default_tags would be)`,
    }, 'not set');
  },
});
