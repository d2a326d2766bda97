import control from '../../../src/controls/data-protection/ec2UserDataNoSecrets.js';
import { cases, tf } from '../../helpers/cases.js';

// Assembled at run time so the repository holds no credential-shaped literal.
const akid = 'AKIA' + 'IOSFODNN7EXAMPLE';
const b64 = Buffer.from('#!/bin/bash\nexport DB_PASSWORD=' + 'hunter2hunter2\n').toString('base64');

export default cases(control, {
  pass: [
    { name: 'user data that fetches its secret at boot', template: `Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0123456789abcdef0
      UserData: # <--
        Fn::Base64: !Sub |
          #!/bin/bash
          DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id prod/db --region \${AWS::Region} --query SecretString --output text)
          echo "ready"
` },
    { name: 'launch template', template: `Resources:
  LT:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        UserData: !Base64 | # <--
          #!/bin/bash
          yum install -y httpd
` },
    tf(`resource "aws_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  user_data     = "#!/bin/bash\\nDB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id prod/db --query SecretString --output text)\\necho ready\\n" # <--
}
`, { name: 'user_data that fetches its secret at boot' }),
    tf(`resource "aws_launch_template" "web" {
  name_prefix = "web-"
  image_id    = "ami-0123456789abcdef0"
  user_data   = base64encode("#!/bin/bash\\nyum install -y httpd\\n") # <--
}
`, { name: 'launch template user_data, base64encode of a script' }),
  ],
  fail: [
    { name: 'access key id in a Sub of the user data', template: `Parameters:
  Stage: { Type: String, Default: prod }
Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0123456789abcdef0
      UserData: # <--
        Fn::Base64: !Sub |
          #!/bin/bash
          echo \${Stage}
          export AWS_ACCESS_KEY_ID=${akid}
` },
    { name: 'password assignment in a launch template (Trivy AVD-AWS-0129 shape)', template: `Resources:
  LT:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        UserData: export DATABASE_PASSWORD=password1234 # <--
` },
    { name: 'user data written already base64-encoded', template: `Resources:
  LC:
    Type: AWS::AutoScaling::LaunchConfiguration
    Properties:
      ImageId: ami-0123456789abcdef0
      InstanceType: t3.micro
      UserData: ${b64} # <--
` },
    tf(`resource "aws_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  user_data     = "#!/bin/bash\\nexport AWS_ACCESS_KEY_ID=${akid}\\n" # <--
}
`, { name: 'access key id in user_data' }),
    tf(`resource "aws_launch_template" "web" {
  name_prefix = "web-"
  image_id    = "ami-0123456789abcdef0"
  user_data   = base64encode("export DATABASE_PASSWORD=password1234") # <--
}
`, { name: 'password assignment in a launch template (base64encode)' }),
    tf(`resource "aws_instance" "web" {
  ami              = "ami-0123456789abcdef0"
  instance_type    = "t3.micro"
  user_data_base64 = "${b64}" # <--
}
`, { name: 'user_data_base64 written already encoded' }),
  ],
  unknown: [
    { name: 'user data built from a parameter without default', template: `Parameters:
  Pw: { Type: String, NoEcho: true }
Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties:
      UserData: # <--
        Fn::Base64: !Sub |
          #!/bin/bash
          echo \${Pw} | passwd --stdin app
` },
    tf(`variable "bootstrap" {
  type      = string
  sensitive = true
}

resource "aws_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  user_data     = var.bootstrap # <--
}
`, { name: 'user_data from a variable without a value' }),
  ],
  not_applicable: [
    `Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0123456789abcdef0
`,
    tf(`resource "aws_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}
`, { name: 'no user_data' }),
  ],
});
