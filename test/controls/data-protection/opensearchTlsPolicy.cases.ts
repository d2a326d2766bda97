import control from '../../../src/controls/data-protection/opensearchTlsPolicy.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::OpenSearchService::Domain
    Properties:
      DomainEndpointOptions:
        EnforceHTTPS: true
        TLSSecurityPolicy: Policy-Min-TLS-1-2-PFS-2023-10
`,
    `Resources:
  B:
    Type: AWS::Elasticsearch::Domain
    Properties:
      DomainEndpointOptions: { TLSSecurityPolicy: Policy-Min-TLS-1-2-2019-07 }
`,
  ],
  fail: [
    `Resources:
  B:
    Type: AWS::OpenSearchService::Domain
    Properties:
      DomainEndpointOptions:
        EnforceHTTPS: true
`,
    `Resources:
  B:
    Type: AWS::OpenSearchService::Domain
    Properties:
      DomainEndpointOptions: { TLSSecurityPolicy: Policy-Min-TLS-1-0-2019-07 }
`,
  ],
  unknown: [
    { name: "AllowedValues that disagree", template: `Parameters:
  Tls: { Type: String, AllowedValues: [Policy-Min-TLS-1-0-2019-07, Policy-Min-TLS-1-2-2019-07] }
Resources:
  B:
    Type: AWS::OpenSearchService::Domain
    Properties:
      DomainEndpointOptions:
        TLSSecurityPolicy: !Ref Tls
` },
  ],
});
