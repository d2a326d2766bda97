import control from '../../../src/controls/audit/elbClassicAccessLogs.js';
import { cases, tf } from '../../helpers/cases.js';

const tfElb = (logs: string, mark = '') => `resource "aws_elb" "web" {${mark}
  name               = "web"
  availability_zones = ["eu-west-1a", "eu-west-1b"]

  listener {
    lb_port            = 443
    lb_protocol        = "https"
    instance_port      = 8080
    instance_protocol  = "http"
    ssl_certificate_id = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"
  }
${logs}}
`;

export default cases(control, {
  pass: [
    `Resources:
  Elb:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      Listeners: [{ LoadBalancerPort: "443", InstancePort: "80", Protocol: HTTPS }]
      AccessLoggingPolicy: { Enabled: true, S3BucketName: logs, EmitInterval: 5 } # <--
`,
    tf(tfElb(`
  access_logs {
    bucket   = "acme-elb-logs"
    interval = 5
    enabled  = true # <--
  }
`)),
    tf(tfElb(`
  access_logs { # <--
    bucket        = "acme-elb-logs"
    bucket_prefix = "web"
  }
`), { name: 'an access_logs block is enabled unless it says otherwise' }),
  ],
  fail: [
    `Resources:
  Elb: # <--
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      Listeners: [{ LoadBalancerPort: "443", InstancePort: "80", Protocol: HTTPS }]
`,
    `Resources:
  Elb:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      Listeners: [{ LoadBalancerPort: "443", InstancePort: "80", Protocol: HTTPS }]
      AccessLoggingPolicy:
        Enabled: false # <--
        S3BucketName: logs
`,
    tf(tfElb('', ' # <--'), { name: 'no access_logs block' }),
    tf(tfElb(`
  access_logs {
    bucket  = "acme-elb-logs"
    enabled = false # <--
  }
`), { name: 'logging switched off' }),
  ],
  unknown: [
    tf(`variable "log_requests" {
  type = bool
}

${tfElb(`
  access_logs {
    bucket  = "acme-elb-logs"
    enabled = var.log_requests # <--
  }
`)}`, { name: 'enabled from a variable without a value' }),
  ],
});
