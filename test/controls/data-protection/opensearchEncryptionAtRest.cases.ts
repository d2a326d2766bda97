import control from '../../../src/controls/data-protection/opensearchEncryptionAtRest.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::OpenSearchService::Domain
    Properties:
      EncryptionAtRestOptions:
        Enabled: true
        KmsKeyId: !Ref Key
  Key:
    Type: AWS::KMS::Key
`,
    `Resources:
  B:
    Type: AWS::Elasticsearch::Domain
    Properties:
      EncryptionAtRestOptions: { Enabled: true }
`,
  ],
  fail: [
    `Resources:
  B:
    Type: AWS::OpenSearchService::Domain
    Properties:
      EngineVersion: OpenSearch_2.11
`,
    `Resources:
  B:
    Type: AWS::Elasticsearch::Domain
    Properties:
      EncryptionAtRestOptions: { Enabled: false }
`,
  ],
  unknown: [
    { name: "parameter without default", template: `Parameters:
  Enc: { Type: String }
Resources:
  B:
    Type: AWS::OpenSearchService::Domain
    Properties:
      EncryptionAtRestOptions:
        Enabled: !Ref Enc
` },
  ],
});
