import control from '../../../src/controls/deployment/statefulUpdateReplacePolicy.js';
import { cases } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Db:
    Type: AWS::RDS::DBInstance
    DeletionPolicy: Snapshot
    UpdateReplacePolicy: Snapshot # <--
    Properties:
      Engine: postgres`,
  ],
  fail: [
    `Resources:
  Table: # <--
    Type: AWS::DynamoDB::Table
    DeletionPolicy: Retain
    Properties:
      BillingMode: PAY_PER_REQUEST`,
  ],
});
