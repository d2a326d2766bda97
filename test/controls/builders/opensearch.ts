// OpenSearch domains for the OpenSearch case tables, in both formats: the usual settings, plus
// the lines a case is about (CloudFormation: at Properties' keys, 6 spaces; Terraform: at the
// resource's arguments, 2 spaces). `before` is written above (parameters, variables).

export function domain(extra: string, o: { before?: string; type?: string } = {}): string {
  return `${o.before ?? ''}Resources:
  Search:
    Type: ${o.type ?? 'AWS::OpenSearchService::Domain'}
    Properties:
      ${o.type === 'AWS::Elasticsearch::Domain' ? 'ElasticsearchVersion: "7.10"' : 'EngineVersion: OpenSearch_2.13'}
${extra.replace(/^\n/, '').replace(/\n?$/, '\n')}`;
}

export function tfDomain(body: string, o: { before?: string; legacy?: boolean } = {}): string {
  const head = o.legacy
    ? `resource "aws_elasticsearch_domain" "search" {
  domain_name           = "search"
  elasticsearch_version = "7.10"
`
    : `resource "aws_opensearch_domain" "search" {
  domain_name    = "search"
  engine_version = "OpenSearch_2.13"
`;
  return `${o.before ?? ''}${head}${body ? `\n${body.replace(/^\n/, '').replace(/\n?$/, '\n')}` : ''}}
`;
}

/** The domain resource line marked as deciding (the setting is left out). */
export function marked(text: string): string {
  return text.replace(/^(resource "aws_(?:opensearch|elasticsearch)_domain" "search" \{)$/m, '$1 # <--').replace(/^  Search:$/m, '  Search: # <--');
}

export const tfVar = (name: string, type: string): string => `variable "${name}" {\n  type = ${type}\n}\n\n`;
export const cfnParam = (name: string): string => `Parameters:\n  ${name}: { Type: String }\n`;
