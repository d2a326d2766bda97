import control from '../../../src/controls/deployment/codebuildNoPrivilegedMode.js';
import { cases, tf } from '../../helpers/cases.js';
import { SOURCE, TF_SOURCE, environment, project, tfEnvironment, tfProject } from '../builders/codebuild.js';

export default cases(control, {
  pass: [
    { name: 'privileged mode not set: the Environment block that lacks it', template: project(SOURCE + environment()).replace('      Environment:\n', '      Environment: # <--\n') },
    { name: 'privileged mode false', template: project(SOURCE + environment('        PrivilegedMode: false # <--')) },
    tf(tfProject(TF_SOURCE + tfEnvironment()).replace('  environment {\n', '  environment { # <--\n'), { name: 'privileged_mode not set: the environment block that lacks it' }),
    tf(tfProject(TF_SOURCE + tfEnvironment('    privileged_mode = false # <--')), { name: 'privileged_mode = false' }),
  ],
  fail: [
    { name: 'privileged mode on', template: project(SOURCE + environment('        PrivilegedMode: true # <--')) },
    tf(tfProject(TF_SOURCE + tfEnvironment('    privileged_mode = true # <--')), { name: 'privileged_mode = true' }),
  ],
  unknown: [
    { name: 'privileged mode from a parameter', template: project(SOURCE + environment('        PrivilegedMode: !Ref Docker # <--'), 'Parameters:\n  Docker: { Type: String, AllowedValues: ["true", "false"] }\n') },
    tf(tfProject(TF_SOURCE + tfEnvironment('    privileged_mode = var.docker # <--'), 'variable "docker" {\n  type = bool\n}\n\n'), { name: 'privileged_mode from a variable without a value' }),
    tf(tfProject(`${TF_SOURCE}  dynamic "environment" { # <--
    for_each = var.build_environments
    content {
      type            = "LINUX_CONTAINER"
      compute_type    = "BUILD_GENERAL1_SMALL"
      image           = "aws/codebuild/standard:7.0"
      privileged_mode = environment.value.docker
    }
  }
`, 'variable "build_environments" {\n  type = list(object({ docker = bool }))\n}\n\n'), { name: 'environment from a dynamic block over a variable without a value' }),
    { name: 'Environment chosen by a condition on a parameter, one branch privileged', template: project(`${SOURCE}      Environment: !If # <--
        - Docker
        - Type: LINUX_CONTAINER
          ComputeType: BUILD_GENERAL1_SMALL
          Image: aws/codebuild/standard:7.0
          PrivilegedMode: true
        - Type: LINUX_CONTAINER
          ComputeType: BUILD_GENERAL1_SMALL
          Image: aws/codebuild/standard:7.0
`, 'Parameters:\n  Kind: { Type: String }\nConditions:\n  Docker: !Equals [!Ref Kind, docker]\n') },
  ],
});
