// GuardDuty detectors for the protection-plan case tables, in both formats.

/** A detector with `extra` at Properties' keys (6 spaces); `marked` marks the resource line. */
export function detector(extra = '', o: { before?: string; marked?: boolean } = {}): string {
  return `${o.before ?? ''}Resources:
  Detector:${o.marked ? ' # <--' : ''}
    Type: AWS::GuardDuty::Detector
    Properties:
      Enable: true
${extra.replace(/^\n/, '').replace(/\n?$/, '\n')}`;
}

/** A Features list with one entry; `mark` marks its Status line. */
export function feature(name: string, status: string, mark = true): string {
  return `      Features:
        - Name: ${name}
          Status: ${status}${mark ? ' # <--' : ''}`;
}

/** An aws_guardduty_detector (`body` inside it, 2 spaces), with `after` resources and `before` variables. */
export function tfDetector(body = '', o: { before?: string; after?: string; marked?: boolean } = {}): string {
  return `${o.before ?? ''}resource "aws_guardduty_detector" "main" {${o.marked ? ' # <--' : ''}
  enable = true
${body ? `${body.replace(/\n?$/, '\n')}` : ''}}
${o.after ?? ''}`;
}

/** An aws_guardduty_detector_feature of aws_guardduty_detector.main; its status line is marked. */
export function tfFeature(name: string, status: string): string {
  return `
resource "aws_guardduty_detector_feature" "plan" {
  detector_id = aws_guardduty_detector.main.id
  name        = "${name}"
  status      = ${status.startsWith('var.') ? status : `"${status}"`} # <--
}
`;
}

export const tfVar = (name: string): string => `variable "${name}" {\n  type = string\n}\n\n`;
