import control from '../../../src/controls/data-protection/codebuildArtifactsEncrypted.js';
import { cases } from '../../helpers/cases.js';
import { environment, project } from '../builders/codebuild.js';

const source = `      Source:
        Type: GITHUB
        Location: https://github.com/example/app.git
`;

export default cases(control, {
  pass: [
    { name: 'S3 artifacts with the default encryption', template: project(`${source}      Artifacts: # <--
        Type: S3
        Location: build-output
${environment()}`) },
    { name: 'encryption disabled on CodePipeline artifacts does not apply', template: project(`${source}      Artifacts:
        Type: CODEPIPELINE
        EncryptionDisabled: true # <--
${environment()}`) },
  ],
  fail: [
    { name: 'primary artifacts unencrypted', template: project(`${source}      Artifacts:
        Type: S3
        Location: build-output
        EncryptionDisabled: true # <--
${environment()}`) },
    { name: 'secondary artifacts unencrypted', template: project(`${source}      Artifacts:
        Type: S3
        Location: build-output
      SecondaryArtifacts:
        - Type: S3
          Location: site
          ArtifactIdentifier: site
          EncryptionDisabled: true # <--
${environment()}`) },
    { name: 'S3 logs unencrypted', template: project(`${source}      Artifacts:
        Type: NO_ARTIFACTS
      LogsConfig:
        S3Logs:
          Status: ENABLED
          Location: build-logs/app
          EncryptionDisabled: true # <--
${environment()}`) },
  ],
  unknown: [
    { name: 'encryption switch from a parameter', template: project(`${source}      Artifacts:
        Type: S3
        Location: build-output
        EncryptionDisabled: !Ref Plain # <--
${environment()}`, 'Parameters:\n  Plain: { Type: String }\n') },
  ],
});
