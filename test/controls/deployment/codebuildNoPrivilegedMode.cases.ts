import control from '../../../src/controls/deployment/codebuildNoPrivilegedMode.js';
import { cases } from '../../helpers/cases.js';
import { SOURCE, environment, project } from '../builders/codebuild.js';

export default cases(control, {
  pass: [
    { name: 'privileged mode not set: the Environment block that lacks it', template: project(SOURCE + environment()).replace('      Environment:\n', '      Environment: # <--\n') },
    { name: 'privileged mode false', template: project(SOURCE + environment('        PrivilegedMode: false # <--')) },
  ],
  fail: [
    { name: 'privileged mode on', template: project(SOURCE + environment('        PrivilegedMode: true # <--')) },
  ],
  unknown: [
    { name: 'privileged mode from a parameter', template: project(SOURCE + environment('        PrivilegedMode: !Ref Docker # <--'), 'Parameters:\n  Docker: { Type: String, AllowedValues: ["true", "false"] }\n') },
  ],
});
