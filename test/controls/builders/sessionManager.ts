// Session Manager preference documents (document type Session) for the SSM case tables.
/** CloudFormation: `inputs` lines are written under inputs (10 spaces). */
export function cfnSession(inputs: string): string {
  return `Resources:
  Prefs:
    Type: AWS::SSM::Document
    Properties:
      Name: SSM-SessionManagerRunShell
      DocumentType: Session
      DocumentFormat: JSON
      Content:
        schemaVersion: '1.0'
        description: Session Manager preferences
        sessionType: Standard_Stream
        inputs:${inputs ? '\n' + inputs : ' {} # <--'}
`;
}

/**
 * Terraform: `inputs` lines are written inside inputs = { } (6 spaces). A finding points at
 * the input that decides it (mark that line with `# <--` in `inputs`), or at `inputs = {`
 * when none does (marked here when `inputs` marks nothing).
 */
export function tfSession(inputs: string, before = ''): string {
  const mark = inputs.includes('# <--') ? '' : ' # <--';
  return `${before}resource "aws_ssm_document" "prefs" {
  name            = "SSM-SessionManagerRunShell"
  document_type   = "Session"
  document_format = "JSON"
  content = jsonencode({
    schemaVersion = "1.0"
    description   = "Session Manager preferences"
    sessionType   = "Standard_Stream"
    inputs = {${mark}
${inputs}
    }
  })
}
`;
}
