import control from '../../../src/controls/resilience/s3ReplicationOutsideStack.js';
import { cases } from '../../helpers/cases.js';

const versioned = `      VersioningConfiguration:
        Status: Enabled
`;
const replicated = (dest: string) => `${versioned}      ReplicationConfiguration:
        Role: arn:aws:iam::111122223333:role/replication
        Rules:
          - Status: Enabled
            Destination:
              Bucket: ${dest}
`;

export default cases(control, {
  pass: [
    { name: 'replicated to a bucket outside the stack', template: `Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
${replicated('arn:aws:s3:::data-replica-us-west-2 # <--')}` },
  ],
  fail: [
    { name: 'versioned, not replicated', template: `Resources:
  Data: # <--
    Type: AWS::S3::Bucket
    Properties:
${versioned}` },
    { name: 'replicated to a bucket of the same stack', template: `Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
${replicated('!GetAtt Replica.Arn').replace('      ReplicationConfiguration:\n', '      ReplicationConfiguration: # <--\n')}  Replica:
    Type: AWS::S3::Bucket
    Properties:
${versioned}` },
  ],
  unknown: [
    { name: 'destination from a parameter', template: `Parameters:
  ReplicaArn: { Type: String }
Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
${replicated('!Ref ReplicaArn # <--')}` },
  ],
  not_applicable: [
    `Resources:
  Scratch:
    Type: AWS::S3::Bucket
`,
    { name: 'the replica itself', template: `Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
${replicated('!GetAtt Replica.Arn')}  Replica:
    Type: AWS::S3::Bucket
    Properties:
${versioned}` },
  ],
});
