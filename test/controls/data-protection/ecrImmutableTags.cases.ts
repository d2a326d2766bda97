import control from '../../../src/controls/data-protection/ecrImmutableTags.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::ECR::Repository
    Properties:
      ImageTagMutability: IMMUTABLE
`,
    { name: "parameter default", template: `Parameters:
  Mut: { Type: String, Default: 'IMMUTABLE' }
Resources:
  B:
    Type: AWS::ECR::Repository
    Properties:
      ImageTagMutability: !Ref Mut
` },
  ],
  fail: [
    `Resources:
  B:
    Type: AWS::ECR::Repository
`,
    `Resources:
  B:
    Type: AWS::ECR::Repository
    Properties:
      ImageTagMutability: MUTABLE
`,
  ],
  unknown: [
    { name: "Fn::If on an undecidable condition", template: `Parameters:
  Env: { Type: String }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  B:
    Type: AWS::ECR::Repository
    Properties:
      ImageTagMutability: !If [IsProd, IMMUTABLE, MUTABLE]
` },
  ],
});
