import control from '../../../src/controls/data-protection/codebuildSourceTls.js';
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
    { name: 'InsecureSsl not set', template: project(`      Source: # <--
        Type: GITHUB_ENTERPRISE
        Location: https://git.example.com/team/app.git
${artifacts}${environment()}`) },
    tf(tfProject(`  source {
    type         = "GITHUB_ENTERPRISE"
    location     = "https://git.example.com/team/app.git"
    insecure_ssl = false # <--
  }

${tfArtifacts}${tfEnvironment()}`), { name: 'insecure_ssl = false' }),
  ],
  fail: [
    { name: 'InsecureSsl on the primary source', template: project(`      Source:
        Type: GITHUB_ENTERPRISE
        Location: https://git.example.com/team/app.git
        InsecureSsl: true # <--
${artifacts}${environment()}`) },
    tf(tfProject(`  source {
    type     = "GITHUB_ENTERPRISE"
    location = "https://git.example.com/team/app.git"
  }

  secondary_sources {
    type              = "GITHUB_ENTERPRISE"
    source_identifier = "lib"
    location          = "https://git.example.com/team/lib.git"
    insecure_ssl      = true # <--
  }

${tfArtifacts}${tfEnvironment()}`), { name: 'insecure_ssl = true on a secondary source' }),
  ],
  unknown: [
    { name: 'InsecureSsl from a parameter without default', template: project(`      Source:
        Type: GITHUB_ENTERPRISE
        Location: https://git.example.com/team/app.git
        InsecureSsl: !Ref Insecure # <--
${artifacts}${environment()}`, 'Parameters:\n  Insecure: { Type: String }\n') },
    tf(tfProject(`  source {
    type         = "GITHUB_ENTERPRISE"
    location     = "https://git.example.com/team/app.git"
    insecure_ssl = var.insecure # <--
  }

${tfArtifacts}${tfEnvironment()}`, 'variable "insecure" {\n  type = bool\n}\n\n'), { name: 'insecure_ssl from a variable without a value' }),
  ],
  not_applicable: [
    tf(tfProject(`${tfArtifacts}${tfEnvironment()}`), { name: 'no source block' }),
  ],
});
