import control from '../../../src/controls/data-protection/codebuildSourceNoCredentials.js';
import { cases, tf } from '../../helpers/cases.js';
import { environment, project, tfEnvironment, tfProject } from '../builders/codebuild.js';

const artifacts = `      Artifacts:
        Type: NO_ARTIFACTS
`;
const tfArtifacts = `  artifacts {
    type = "NO_ARTIFACTS"
  }

`;

export default cases(control, {
  pass: [
    { name: 'plain repository URL', template: project(`      Source:
        Type: GITHUB
        Location: https://github.com/example/app.git # <--
${artifacts}${environment()}`) },
    tf(tfProject(`  source {
    type     = "GITHUB"
    location = "https://github.com/example/app.git" # <--
  }

${tfArtifacts}${tfEnvironment()}`), { name: 'plain repository URL' }),
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
    tf(tfProject(`  source {
    type     = "GITHUB"
    location = "https://access-token@github.com/example/app.git" # <--
  }

${tfArtifacts}${tfEnvironment()}`), { name: 'token before the host' }),
    tf(tfProject(`  source {
    type      = "NO_SOURCE"
    buildspec = "buildspec.yml"
  }

  secondary_sources {
    type              = "BITBUCKET"
    source_identifier = "lib"
    location          = "https://builder:Pa55word@bitbucket.org/example/lib.git" # <--
  }

${tfArtifacts}${tfEnvironment()}`), { name: 'user and password in secondary_sources' }),
  ],
  not_applicable: [
    project(`      Source:
        Type: CODEPIPELINE
      Artifacts:
        Type: CODEPIPELINE
${environment()}`),
    tf(tfProject(`  source {
    type = "CODEPIPELINE"
  }

  artifacts {
    type = "CODEPIPELINE"
  }

${tfEnvironment()}`), { name: 'CODEPIPELINE source without a location' }),
  ],
});
