import control from '../../../src/controls/data-protection/codebuildSourceNoCredentials.js';
import { cases } from '../../helpers/cases.js';
import { environment, project } from '../builders/codebuild.js';

const artifacts = `      Artifacts:
        Type: NO_ARTIFACTS
`;

export default cases(control, {
  pass: [
    { name: 'plain repository URL', template: project(`      Source:
        Type: GITHUB
        Location: https://github.com/example/app.git # <--
${artifacts}${environment()}`) },
  ],
  fail: [
    { name: 'token before the host', template: project(`      Source:
        Type: GITHUB
        Location: https://access-token@github.com/example/app.git # <--
${artifacts}${environment()}`) },
    { name: 'user and password in a secondary source', template: project(`      Source:
        Type: NO_SOURCE
        BuildSpec: buildspec.yml
      SecondarySources:
        - Type: BITBUCKET
          SourceIdentifier: lib
          Location: https://builder:Pa55word@bitbucket.org/example/lib.git # <--
${artifacts}${environment()}`) },
  ],
  not_applicable: [
    project(`      Source:
        Type: CODEPIPELINE
      Artifacts:
        Type: CODEPIPELINE
${environment()}`),
  ],
});
