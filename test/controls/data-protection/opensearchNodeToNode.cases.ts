import control from '../../../src/controls/data-protection/opensearchNodeToNode.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::OpenSearchService::Domain
    Properties:
      NodeToNodeEncryptionOptions:
        Enabled: true
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
      NodeToNodeEncryptionOptions: { Enabled: false }
`,
  ],
});
