import { defineControl } from '../api.js';
import { isNotTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-CB-001',
  title: 'CodeBuild projects do not run builds in privileged mode',
  domain: 'deployment',
  severity: 'medium',
  resourceTypes: ['AWS::CodeBuild::Project'],
  rationale: 'Privileged mode gives the build container root access to the host\'s devices and the Docker daemon. Build steps run code from the repository and its dependencies, so a poisoned dependency can then escape the container and reach the build\'s credentials and other builds\' artifacts.',
  remediation: 'Leave Environment.PrivilegedMode unset or false. It is needed only to build Docker images with the Docker daemon; for such projects, suppress this control with that reason, or build images with a daemonless builder.',
  remediationTerraform: 'Leave environment.privileged_mode unset or false on the aws_codebuild_project. It is needed only to build Docker images with the Docker daemon; for such projects, suppress this control with that reason, or build images with a daemonless builder.',
  references: { cdk_nag: ['AwsSolutions-CB3'] },
  evaluate(r) {
    return r.expect('Environment.PrivilegedMode', isNotTrue, {
      pass: 'builds run without privileged mode',
      fail: 'Environment.PrivilegedMode is true: build steps get root access to the host and the Docker daemon',
      unknown: 'privileged mode depends on a deploy-time value',
    }, 'not set: false');
  },
});
