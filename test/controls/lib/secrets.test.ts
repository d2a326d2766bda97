import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSecrets, maskSecretsIn } from '../../../src/controls/lib/secrets.js';

// Test secrets are assembled at run time so the repository holds no credential-shaped literal.
const akid = 'AKIA' + 'IOSFODNN7EXAMPLE';
const secretKey = 'wJalrXUtnFEMI/K7MDENG/' + 'bPxRfiCYEXAMPLEKEY';
const ghp = 'ghp_' + 'A1b2C3d4'.repeat(5);
const slack = 'xoxb-' + '1234567890-abcdefghij';

const kinds = (t: string) => findSecrets(t).map((h) => h.kind);

test('credential shapes are found, each once, with the line they are on', () => {
  const text = `#!/bin/bash\nexport AWS_ACCESS_KEY_ID=${akid}\nexport AWS_SECRET_ACCESS_KEY=${secretKey}\necho ok\n`;
  const hits = findSecrets(text);
  assert.deepEqual(hits.map((h) => [h.kind, h.line]), [['AWS access key id', 1], ['AWS secret access key', 2]]);
  assert.deepEqual(kinds(`-----BEGIN RSA PRIVATE KEY-----\nMIIEow...`), ['private key']);
  assert.deepEqual(kinds(`git clone https://${ghp}@github.com/o/r`), ['GitHub token']);
  assert.deepEqual(kinds(`SLACK=${slack}`), ['Slack token']);
  assert.deepEqual(kinds('DATABASE_URL=postgres://app:s3cr3tpw@db.internal:5432/app'), ['password in a URL']);
  assert.deepEqual(kinds('DB_PASSWORD=hunter2hunter2'), ['literal assigned to a credential-named setting']);
  assert.deepEqual(kinds('{"client_secret": "abcdef123456"}'), ['literal assigned to a credential-named setting']);
  assert.deepEqual(kinds('mysql --password s3cretpass -h db'), ['literal assigned to a credential-named setting']);
});

test('references, placeholders and non-credential names are not secrets', () => {
  for (const t of [
    'DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id prod/db --query SecretString)',
    'DB_PASSWORD=${DbPassword}',
    'PASSWORD_FILE=/run/secrets/db',
    'SECRET_ARN=arn:aws:secretsmanager:eu-west-1:111122223333:secret:x',
    'TOKEN=$(curl -s -X PUT http://169.254.169.254/latest/api/token -H "X-aws-ec2-metadata-token-ttl-seconds: 21600")',
    'postgres://app:${DbPassword}@db/app',
    'password: "{{resolve:secretsmanager:prod/db:SecretString:password}}"',
    'require_password=true',
    'BUILD_ID=0123456789abcdef0123456789abcdef01234567',
    'cd $(pwd) && echo done',
    '"privateKeyPath" : "file:///greengrass/certs/${IoTThing.certificateId}.key"',
    'DB_PASSWORD=prefix-${Suffix}',
    'KEY_FILE=/etc/app/key.pem',
  ]) assert.deepEqual(findSecrets(t), [], t);
});

test('masking keeps a kind prefix and the length, never the secret', () => {
  const [h] = findSecrets(`key=${akid}`);
  assert.equal(h.masked, 'AKIA**** (20 characters)');
  const [p] = findSecrets('DB_PASSWORD=hunter2hunter2');
  assert.equal(p.masked, '**** (14 characters)');
  const masked = maskSecretsIn(`A=${akid}\nDB_PASSWORD=hunter2hunter2\nB=plain`);
  assert.equal(masked, 'A=AKIA****\nDB_PASSWORD=****\nB=plain');
  assert.ok(!masked.includes('hunter2'));
});

test('no finding of a secret-detecting control repeats the secret it found', async () => {
  const { CONTROLS } = await import('../../../src/controls/index.js');
  const { scanText } = await import('../../helpers/cases.js');
  const pw = 'Zq8' + 'vLm2Rt7Kw';
  const template = `Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      Role: arn:aws:iam::111122223333:role/fn
      Code: { ZipFile: "x" }
      Environment:
        Variables:
          DB_PASSWORD: ${pw}
          UPLOAD: ${akid}
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: app:1
          Environment:
            - { Name: NOTIFY, Value: ${slack} }
            - { Name: API_SECRET, Value: ${pw} }
  Web:
    Type: AWS::EC2::Instance
    Properties:
      UserData:
        Fn::Base64: !Sub |
          #!/bin/bash
          export AWS_SECRET_ACCESS_KEY=${secretKey}
          git clone https://${ghp}@github.com/o/r
  Build:
    Type: AWS::CodeBuild::Project
    Properties:
      ServiceRole: arn:aws:iam::111122223333:role/cb
      Artifacts: { Type: NO_ARTIFACTS }
      Source: { Type: GITHUB, Location: "https://${ghp}@github.com/o/r.git" }
      Environment:
        Type: LINUX_CONTAINER
        ComputeType: BUILD_GENERAL1_SMALL
        Image: aws/codebuild/standard:7.0
        EnvironmentVariables:
          - { Name: DEPLOY_TOKEN, Value: ${pw} }
  Param:
    Type: AWS::SSM::Parameter
    Properties:
      Name: /app/db-password
      Type: String
      Value: ${pw}
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      MasterUserPassword: ${pw}
`;
  const ids = ['AT-LAMBDA-004', 'AT-ECS-004', 'AT-EC2-003', 'AT-CB-003', 'AT-CB-006', 'AT-SSM-001', 'AT-DEP-003'];
  const findings = scanText(template, CONTROLS.filter((c) => ids.includes(c.id)));
  const failed = new Set(findings.filter((f) => f.status === 'fail').map((f) => f.controlId));
  assert.deepEqual([...failed].sort(), [...ids].sort(), 'every secret-detecting control finds its secret');
  const text = JSON.stringify(findings);
  for (const s of [pw, akid, secretKey, ghp, slack, akid.slice(4), ghp.slice(4)]) assert.ok(!text.includes(s), `a finding repeats ${s.slice(0, 4)}…`);
});

test('a {{resolve:…}} dynamic reference is resolved by CloudFormation only: in Terraform it is the literal value', async () => {
  const { CONTROLS } = await import('../../../src/controls/index.js');
  const { scanText, scanTerraform } = await import('../../helpers/cases.js');
  const ids = ['AT-LAMBDA-004', 'AT-SSM-001'];
  const controls = CONTROLS.filter((c) => ids.includes(c.id));
  const ref = '{{resolve:secretsmanager:prod/db:SecretString:password}}';
  const cfn = scanText(`Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      Role: arn:aws:iam::111122223333:role/fn
      Code: { ZipFile: "x" }
      Environment:
        Variables:
          DB_PASSWORD: "${ref}"
  Param:
    Type: AWS::SSM::Parameter
    Properties:
      Name: /app/db-password
      Type: String
      Value: "${ref}"
`, controls);
  // (A String SSM parameter stores whatever it is given in clear, resolved or not: AT-SSM-001 fails it either way.)
  assert.deepEqual(cfn.filter((f) => f.status === 'fail' && f.controlId === 'AT-LAMBDA-004').map((f) => f.controlId), [], 'CloudFormation resolves the reference at deploy time');
  const tf = scanTerraform(`resource "aws_lambda_function" "fn" {
  function_name = "fn"
  role          = "arn:aws:iam::111122223333:role/fn"
  runtime       = "python3.13"
  handler       = "app.handler"
  filename      = "fn.zip"
  environment {
    variables = {
      DB_PASSWORD = "${ref}"
    }
  }
}

resource "aws_ssm_parameter" "p" {
  name  = "/app/db-password"
  type  = "String"
  value = "${ref}"
}
`, controls);
  const failed = tf.filter((f) => f.status === 'fail');
  assert.deepEqual(failed.map((f) => f.controlId).sort(), [...ids].sort(), 'Terraform sends the text as it is');
  for (const f of failed) assert.match(f.message + JSON.stringify(f.evidence), /only CloudFormation resolves/);
});
