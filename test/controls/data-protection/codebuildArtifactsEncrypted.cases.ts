import control from '../../../src/controls/data-protection/codebuildArtifactsEncrypted.js';
import { cases, tf } from '../../helpers/cases.js';
import { environment, project, tfEnvironment, tfProject } from '../builders/codebuild.js';

const source = `      Source:
        Type: GITHUB
        Location: https://github.com/example/app.git
`;
const tfSource = `  source {
    type     = "GITHUB"
    location = "https://github.com/example/app.git"
  }

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
    tf(tfProject(`${tfSource}  artifacts { # <--
    type     = "S3"
    location = "build-output"
  }

${tfEnvironment()}`), { name: 'S3 artifacts without encryption_disabled' }),
    tf(tfProject(`${tfSource}  artifacts {
    type                = "CODEPIPELINE"
    encryption_disabled = true # <--
  }

${tfEnvironment()}`), { name: 'encryption_disabled on CODEPIPELINE artifacts does not apply' }),
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
    tf(tfProject(`${tfSource}  artifacts {
    type                = "S3"
    location            = "build-output"
    encryption_disabled = true # <--
  }

${tfEnvironment()}`), { name: 'artifacts encryption_disabled = true' }),
    tf(tfProject(`${tfSource}  artifacts {
    type     = "S3"
    location = "build-output"
  }

  secondary_artifacts {
    type                = "S3"
    location            = "site"
    artifact_identifier = "site"
    encryption_disabled = true # <--
  }

${tfEnvironment()}`), { name: 'secondary_artifacts encryption_disabled = true' }),
    tf(tfProject(`${tfSource}  artifacts {
    type = "NO_ARTIFACTS"
  }

${tfEnvironment()}
  logs_config {
    s3_logs {
      status              = "ENABLED"
      location            = "build-logs/app"
      encryption_disabled = true # <--
    }
  }
`), { name: 's3_logs encryption_disabled = true' }),
  ],
  unknown: [
    { name: 'encryption switch from a parameter', template: project(`${source}      Artifacts:
        Type: S3
        Location: build-output
        EncryptionDisabled: !Ref Plain # <--
${environment()}`, 'Parameters:\n  Plain: { Type: String }\n') },
    tf(tfProject(`${tfSource}  artifacts {
    type                = "S3"
    location            = "build-output"
    encryption_disabled = var.plain # <--
  }

${tfEnvironment()}`, 'variable "plain" {\n  type = bool\n}\n\n'), { name: 'encryption_disabled from a variable without a value' }),
  ],
});
