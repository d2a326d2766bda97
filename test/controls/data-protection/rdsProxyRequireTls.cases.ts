import control from '../../../src/controls/data-protection/rdsProxyRequireTls.js';
import { cases, tf } from '../../helpers/cases.js';


export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::RDS::DBProxy
    Properties:
      EngineFamily: POSTGRESQL
      RequireTLS: true
`,
    tf(`resource "aws_db_proxy" "app" {
  name           = "app"
  engine_family  = "POSTGRESQL"
  role_arn       = "arn:aws:iam::111122223333:role/proxy"
  vpc_subnet_ids = ["subnet-0a", "subnet-0b"]
  require_tls    = true # <--
  auth {
    auth_scheme = "SECRETS"
    iam_auth    = "REQUIRED"
    secret_arn  = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:app-AbCdEf"
  }
}
`, { name: 'require_tls = true' }),
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
    tf(`resource "aws_db_proxy" "app" { # <--
  name           = "app"
  engine_family  = "POSTGRESQL"
  role_arn       = "arn:aws:iam::111122223333:role/proxy"
  vpc_subnet_ids = ["subnet-0a", "subnet-0b"]

  auth {
    auth_scheme = "SECRETS"
    iam_auth    = "REQUIRED"
    secret_arn  = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:app-AbCdEf"
  }
}
`, { name: 'require_tls not set (defaults to false)' }),
    tf(`resource "aws_db_proxy" "app" {
  name           = "app"
  engine_family  = "POSTGRESQL"
  role_arn       = "arn:aws:iam::111122223333:role/proxy"
  vpc_subnet_ids = ["subnet-0a", "subnet-0b"]
  require_tls    = false # <--
  auth {
    auth_scheme = "SECRETS"
    iam_auth    = "REQUIRED"
    secret_arn  = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:app-AbCdEf"
  }
}
`, { name: 'require_tls = false' }),
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
    tf(`variable "tls" {
  type = bool
}

resource "aws_db_proxy" "app" {
  name           = "app"
  engine_family  = "POSTGRESQL"
  role_arn       = "arn:aws:iam::111122223333:role/proxy"
  vpc_subnet_ids = ["subnet-0a", "subnet-0b"]
  require_tls    = var.tls # <--
  auth {
    auth_scheme = "SECRETS"
    iam_auth    = "REQUIRED"
    secret_arn  = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:app-AbCdEf"
  }
}
`, { name: 'require_tls from a variable without a value' }),
  ],
});
