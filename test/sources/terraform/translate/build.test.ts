import assert from 'node:assert/strict';
import { test } from 'node:test';
import codebuildLogging from '../../../../src/controls/audit/codebuildLogging.js';
import codebuildArtifactsEncrypted from '../../../../src/controls/data-protection/codebuildArtifactsEncrypted.js';
import codebuildEnvNoSecrets from '../../../../src/controls/data-protection/codebuildEnvNoSecrets.js';
import codebuildSourceNoCredentials from '../../../../src/controls/data-protection/codebuildSourceNoCredentials.js';
import codebuildNoPrivilegedMode from '../../../../src/controls/deployment/codebuildNoPrivilegedMode.js';
import type { Control } from '../../../../src/controls/api.js';
import { getPath, render } from '../../../../src/model/value.js';
import { translate } from '../../../../src/sources/terraform/translate/index.js';
import type { TfResource } from '../../../../src/sources/terraform/types.js';
import { propLoc, tfFindings, tfResources } from '../../../helpers/tf.js';

const verdicts = (input: TfResource[], control: Control) => tfFindings(input, control).map((f) => [f.status, f.location.line]);

test('aws_codebuild_project: blocks become the CloudFormation objects, each setting located at its argument', () => {
  const input = tfResources('build.tf', {
    'aws_codebuild_project.p': { // 1
      name: 'app', // 2
      source: [{ type: 'GITHUB', location: 'https://github.com/example/app.git' }], // 3, item 4, 5, 6
      artifacts: [{ type: 'S3', encryption_disabled: true }], // 7, item 8, 9, 10
      environment: [{ // 11, item 12
        privileged_mode: true, // 13
        environment_variable: [ // 14
          { name: 'STAGE', value: 'prod' }, // item 15, 16, 17
          { name: 'DB', type: 'SECRETS_MANAGER', value: 'prod/db' }, // item 18, 19, 20, 21
        ],
      }],
      logs_config: [{ cloudwatch_logs: [{ status: 'DISABLED' }] }], // 22, item 23, 24, item 25, 26
    },
  });
  const out = translate(input);
  assert.deepEqual(out.notes, []);
  assert.deepEqual(out.untranslated, []);
  const p = out.resources[0]!;
  assert.equal(p.type, 'AWS::CodeBuild::Project');
  assert.equal(render(getPath(p.properties, 'Source.Location')), '"https://github.com/example/app.git"');
  assert.deepEqual(propLoc(p, 'Environment.PrivilegedMode'), { file: 'build.tf', line: 13, column: 3, path: 'aws_codebuild_project.p.environment[0].privileged_mode' });
  assert.equal(render(getPath(p.properties, 'Environment.EnvironmentVariables')), '[{Name: "STAGE", Value: "prod"}, {Name: "DB", Value: "prod/db", Type: "SECRETS_MANAGER"}]');
  assert.deepEqual(verdicts(input, codebuildNoPrivilegedMode), [['fail', 13]]);
  assert.deepEqual(verdicts(input, codebuildArtifactsEncrypted), [['fail', 10]]);
  assert.deepEqual(verdicts(input, codebuildLogging), [['fail', 26]]);
  assert.deepEqual(verdicts(input, codebuildEnvNoSecrets), [['pass', 14]]);
  assert.deepEqual(verdicts(input, codebuildSourceNoCredentials), [['pass', 6]]);
});

test('aws_codebuild_project: a block not known before apply stays unknown, never absent', () => {
  const input = tfResources('build.tf', {
    'aws_codebuild_project.p': { // 1
      name: 'app', // 2
      environment: { unknown: 'var.environment' }, // 3
      secondary_artifacts: [{ unknown: 'var.extra' }], // 4, item 5
      artifacts: [{ type: 'NO_ARTIFACTS' }], // 6, item 7, 8
    },
  });
  const p = translate(input).resources[0]!;
  assert.equal(getPath(p.properties, 'Environment')?.k, 'unknown');
  assert.deepEqual(verdicts(input, codebuildNoPrivilegedMode), [['unknown', 3]]);
  assert.deepEqual(verdicts(input, codebuildEnvNoSecrets), [['unknown', 3]]);
  const second = getPath(p.properties, 'SecondaryArtifacts');
  assert.equal(second?.k === 'list' && second.items[0]?.k, 'unknown');
});

test('aws_codebuild_project: an environment variable not known before apply makes the secrets verdict unknown, unless another is a credential', () => {
  const env = (first: Record<string, string>) => tfResources('build.tf', {
    'aws_codebuild_project.p': { // 1
      name: 'app', // 2
      environment: [{ // 3, item 4
        environment_variable: [first, { unknown: 'var.extra' }], // 5, item 6 (name 7, value 8), item 9
      }],
    },
  });
  assert.deepEqual(verdicts(env({ name: 'STAGE', value: 'prod' }), codebuildEnvNoSecrets), [['unknown', 9]]);
  assert.deepEqual(verdicts(env({ name: 'AWS_SECRET_ACCESS_KEY', value: 'abc' }), codebuildEnvNoSecrets), [['fail', 8]]);
});
