import control from '../../../src/controls/data-protection/rdsProxyRequireTls.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::RDS::DBProxy
    Properties:
      EngineFamily: POSTGRESQL
      RequireTLS: true
`,
  ],
  fail: [
    `Resources:
  B:
    Type: AWS::RDS::DBProxy
    Properties:
      EngineFamily: MYSQL
`,
    `Resources:
  B:
    Type: AWS::RDS::DBProxy
    Properties:
      RequireTLS: false
`,
  ],
  unknown: [
    { name: "parameter without default", template: `Parameters:
  Tls: { Type: String }
Resources:
  B:
    Type: AWS::RDS::DBProxy
    Properties:
      RequireTLS: !Ref Tls
` },
  ],
});
