// Build: CodeBuild projects. The provider's defaults for the settings the controls read are
// the service's own (CloudWatch build logs ENABLED, S3 logs DISABLED, artifacts and S3 logs
// encrypted, privileged mode off, PLAINTEXT variables), so an argument left out is left out
// here too, as a CloudFormation property would be.
import type { ObjectValue } from '../../../model/types.js';
import { CfnBuilder, type TfView, type Translator } from './api.js';
import { blockList, copyAll } from './copy.js';

/** An `artifacts` or `secondary_artifacts` block's settings. */
function artifact(b: CfnBuilder): void {
  copyAll(b, {
    Type: 'type', Location: 'location', Name: 'name', NamespaceType: 'namespace_type', Packaging: 'packaging', Path: 'path',
    EncryptionDisabled: 'encryption_disabled', OverrideArtifactName: 'override_artifact_name', ArtifactIdentifier: 'artifact_identifier',
  });
}

/** A `source` or `secondary_sources` block's settings. */
function source(b: CfnBuilder): void {
  copyAll(b, {
    Type: 'type', Location: 'location', BuildSpec: 'buildspec', GitCloneDepth: 'git_clone_depth', InsecureSsl: 'insecure_ssl',
    ReportBuildStatus: 'report_build_status', SourceIdentifier: 'source_identifier',
    'GitSubmodulesConfig.FetchSubmodules': 'git_submodules_config.fetch_submodules',
  });
}

/** The single block at `tfPath` as the CloudFormation object at `cfnPath`, located at the block and built from it. */
function single(tf: TfView, out: CfnBuilder, cfnPath: string, tfPath: string, build: (b: CfnBuilder) => void): void {
  const v = tf.get(tfPath);
  if (v === undefined || (v.k === 'scalar' && v.v === null)) return;
  if (v.k === 'unknown') { out.put(cfnPath, v, tf.locate(tfPath)); return; }
  const [block] = tf.blocks(tfPath);
  if (!block) {
    // A block not known before apply (a dynamic block over a variable) stands as that unknown.
    if (v.k === 'list' && v.items[0]) out.put(cfnPath, v.items[0], tf.locate(tfPath));
    return;
  }
  const at = tf.locate(tfPath);
  const obj: ObjectValue = { k: 'object', props: new Map(), keyLocs: new Map(), loc: at };
  out.put(cfnPath, obj, at);
  build(new CfnBuilder(block, obj));
}

const project: Translator = {
  tfType: 'aws_codebuild_project',
  cfnType: 'AWS::CodeBuild::Project',
  build(tf, out) {
    copyAll(out, {
      Name: 'name', Description: 'description', ServiceRole: 'service_role', EncryptionKey: 'encryption_key',
      TimeoutInMinutes: 'build_timeout', QueuedTimeoutInMinutes: 'queued_timeout', SourceVersion: 'source_version',
      BadgeEnabled: 'badge_enabled', ConcurrentBuildLimit: 'concurrent_build_limit', Visibility: 'project_visibility',
      ResourceAccessRole: 'resource_access_role',
    });
    single(tf, out, 'Source', 'source', source);
    blockList(tf, out, 'SecondarySources', 'secondary_sources', source);
    single(tf, out, 'Artifacts', 'artifacts', artifact);
    blockList(tf, out, 'SecondaryArtifacts', 'secondary_artifacts', artifact);
    single(tf, out, 'Environment', 'environment', (b) => {
      copyAll(b, {
        Type: 'type', ComputeType: 'compute_type', Image: 'image', ImagePullCredentialsType: 'image_pull_credentials_type',
        PrivilegedMode: 'privileged_mode', Certificate: 'certificate',
        'RegistryCredential.Credential': 'registry_credential.credential',
        'RegistryCredential.CredentialProvider': 'registry_credential.credential_provider',
      });
      blockList(b.tf, b, 'EnvironmentVariables', 'environment_variable', (v) => copyAll(v, { Name: 'name', Value: 'value', Type: 'type' }));
    });
    single(tf, out, 'LogsConfig', 'logs_config', (b) => {
      single(b.tf, b, 'CloudWatchLogs', 'cloudwatch_logs', (c) => copyAll(c, { Status: 'status', GroupName: 'group_name', StreamName: 'stream_name' }));
      single(b.tf, b, 'S3Logs', 's3_logs', (c) => copyAll(c, { Status: 'status', Location: 'location', EncryptionDisabled: 'encryption_disabled' }));
    });
    single(tf, out, 'VpcConfig', 'vpc_config', (b) => copyAll(b, { VpcId: 'vpc_id', Subnets: 'subnets', SecurityGroupIds: 'security_group_ids' }));
    single(tf, out, 'Cache', 'cache', (b) => copyAll(b, { Type: 'type', Location: 'location', Modes: 'modes' }));
    out.tags();
  },
};

export const build: { translators: Translator[]; attachments: [] } = { translators: [project], attachments: [] };
