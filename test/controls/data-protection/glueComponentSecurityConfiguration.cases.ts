import control from '../../../src/controls/data-protection/glueComponentSecurityConfiguration.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  R:
    Type: AWS::Glue::Job
    Properties:
      Role: arn:aws:iam::111122223333:role/glue
      Command:
        Name: glueetl
        ScriptLocation: s3://scripts/etl.py
      SecurityConfiguration: etl # <--
`,
    { name: 'crawler', template: `Resources:
  R:
    Type: AWS::Glue::Crawler
    Properties:
      Role: arn:aws:iam::111122223333:role/glue
      DatabaseName: raw
      Targets:
        S3Targets:
          - Path: s3://raw/
      CrawlerSecurityConfiguration: etl # <--
` },
    tf(`resource "aws_glue_security_configuration" "etl" {
  name = "etl"

  encryption_configuration {
    cloudwatch_encryption {
      cloudwatch_encryption_mode = "DISABLED"
    }

    job_bookmarks_encryption {
      job_bookmarks_encryption_mode = "DISABLED"
    }

    s3_encryption {
      s3_encryption_mode = "SSE-S3"
    }
  }
}

resource "aws_glue_job" "etl" {
  name                   = "etl"
  role_arn               = "arn:aws:iam::111122223333:role/glue"
  security_configuration = aws_glue_security_configuration.etl.name # <--
  
  command {
    script_location = "s3://scripts/etl.py"
  }
}
`, { name: 'job with a security configuration' }),
  ],
  fail: [
    { name: 'job without', template: `Resources:
  R: # <--
    Type: AWS::Glue::Job
    Properties:
      Role: arn:aws:iam::111122223333:role/glue
      Command:
        Name: glueetl
        ScriptLocation: s3://scripts/etl.py
` },
    { name: 'crawler without', template: `Resources:
  R: # <--
    Type: AWS::Glue::Crawler
    Properties:
      Role: arn:aws:iam::111122223333:role/glue
      DatabaseName: raw
      Targets:
        S3Targets:
          - Path: s3://raw/
` },
    tf(`resource "aws_glue_crawler" "raw" { # <--
  name          = "raw"
  role          = "arn:aws:iam::111122223333:role/glue"
  database_name = "raw"
  
  s3_target {
    path = "s3://raw/"
  }
}
`, { name: 'crawler without' }),
  ],
  unknown: [
    tf(`variable "sc" {
  type = string
}

resource "aws_glue_job" "etl" {
  name                   = "etl"
  role_arn               = "arn:aws:iam::111122223333:role/glue"
  security_configuration = var.sc # <--
  
  command {
    script_location = "s3://scripts/etl.py"
  }
}
`, { name: 'from a variable' }),
  ],
});
