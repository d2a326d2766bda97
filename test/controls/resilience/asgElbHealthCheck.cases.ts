import control from '../../../src/controls/resilience/asgElbHealthCheck.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  B:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: '1'
      MaxSize: '3'
      TargetGroupARNs: [!Ref Tg]
      HealthCheckType: ELB # <--
      HealthCheckGracePeriod: 300
  Tg:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties: { Port: 80, Protocol: HTTP, VpcId: vpc-123 }
`,
    tf(`resource "aws_lb_target_group" "web" {
  name     = "web"
  port     = 80
  protocol = "HTTP"
  vpc_id   = "vpc-0123456789abcdef0"
}

resource "aws_autoscaling_group" "web" {
  name                      = "web"
  min_size                  = 2
  max_size                  = 6
  vpc_zone_identifier       = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
  target_group_arns         = [aws_lb_target_group.web.arn]
  health_check_type         = "ELB" # <--
  health_check_grace_period = 300

  launch_template {
    id      = "lt-0123456789abcdef0"
    version = "$Latest"
  }
}
`),
  ],
  fail: [
    `Resources:
  B: # <--
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: '1'
      MaxSize: '3'
      TargetGroupARNs: [!Ref Tg]
  Tg:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties: { Port: 80, Protocol: HTTP, VpcId: vpc-123 }
`,
    `Resources:
  B:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: '1'
      MaxSize: '3'
      LoadBalancerNames: [classic]
      HealthCheckType: EC2 # <--
`,
    tf(`resource "aws_autoscaling_group" "web" { # <--
  name                = "web"
  min_size            = 2
  max_size            = 6
  vpc_zone_identifier = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
  target_group_arns   = ["arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/0123456789abcdef"]

  launch_template {
    id      = "lt-0123456789abcdef0"
    version = "$Latest"
  }
}
`, { name: 'EC2 health checks by default' }),
    tf(`resource "aws_autoscaling_group" "web" {
  name                = "web"
  min_size            = 2
  max_size            = 6
  vpc_zone_identifier = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
  health_check_type   = "EC2" # <--

  launch_template {
    id      = "lt-0123456789abcdef0"
    version = "$Latest"
  }
}

resource "aws_autoscaling_attachment" "web" {
  autoscaling_group_name = aws_autoscaling_group.web.id
  lb_target_group_arn    = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/0123456789abcdef"
}
`, { name: 'target group attached by aws_autoscaling_attachment' }),
  ],
  unknown: [
    { name: "health check type from a parameter without default", template: `Parameters:
  Hc: { Type: String }
Resources:
  B:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: '1'
      MaxSize: '3'
      LoadBalancerNames: [classic]
      HealthCheckType: !Ref Hc # <--
` },
    tf(`variable "health_check_type" {
  type = string
}

resource "aws_autoscaling_group" "web" {
  name                = "web"
  min_size            = 2
  max_size            = 6
  vpc_zone_identifier = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
  load_balancers      = ["web-classic"]
  health_check_type   = var.health_check_type # <--
}
`),
  ],
  not_applicable: [
    `Resources:
  B:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: '1'
      MaxSize: '3'
      VPCZoneIdentifier: [subnet-a, subnet-b]
`,
    tf(`resource "aws_autoscaling_group" "workers" {
  name                = "queue-workers"
  min_size            = 1
  max_size            = 10
  vpc_zone_identifier = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]

  launch_template {
    id      = "lt-0123456789abcdef0"
    version = "$Latest"
  }
}
`, { name: 'no load balancer' }),
  ],
});
