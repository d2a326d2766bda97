import control from '../../../src/controls/data-protection/opensearchEnforceHttps.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::OpenSearchService::Domain
    Properties:
      DomainEndpointOptions:
        EnforceHTTPS: true
`,
  ],
  fail: [
    `Resources:
  B:
    Type: AWS::OpenSearchService::Domain
`,
    `Resources:
  B:
    Type: AWS::Elasticsearch::Domain
    Properties:
      DomainEndpointOptions: { EnforceHTTPS: false }
`,
  ],
  unknown: [
    { name: "Fn::If on an undecidable condition", template: `Parameters:
  Env: { Type: String }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  B:
    Type: AWS::OpenSearchService::Domain
    Properties:
      DomainEndpointOptions:
        EnforceHTTPS: !If [IsProd, true, false]
` },
  ],
});
