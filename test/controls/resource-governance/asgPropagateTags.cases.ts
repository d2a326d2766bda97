import control from '../../../src/controls/resource-governance/asgPropagateTags.js';
import { cases, tf } from '../../helpers/cases.js';

export default cases(control, {
  pass: [
    `Resources:
  Asg:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: "1"
      MaxSize: "3"
      VPCZoneIdentifier: [subnet-1, subnet-2]
      LaunchTemplate: { LaunchTemplateId: lt-1, Version: "1" }
      Tags: # <--
        - Key: owner
          Value: payments
          PropagateAtLaunch: true
`,
    tf(`resource "aws_autoscaling_group" "web" {
  min_size            = 1
  max_size            = 3
  vpc_zone_identifier = ["subnet-1", "subnet-2"]

  tag { # <--
    key                 = "owner"
    value               = "payments"
    propagate_at_launch = true
  }
}
`, { name: 'tag propagated' }),
  ],
  fail: [
    `Resources:
  Asg:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: "1"
      MaxSize: "3"
      VPCZoneIdentifier: [subnet-1, subnet-2]
      LaunchTemplate: { LaunchTemplateId: lt-1, Version: "1" }
      Tags:
        - Key: owner
          Value: payments
          PropagateAtLaunch: false # <--
`,
    tf(`resource "aws_autoscaling_group" "web" {
  min_size            = 1
  max_size            = 3
  vpc_zone_identifier = ["subnet-1", "subnet-2"]

  tag {
    key                 = "owner"
    value               = "payments"
    propagate_at_launch = false # <--
  }
}
`, { name: 'tag not propagated' }),
  ],
  not_applicable: [
    tf(`resource "aws_autoscaling_group" "web" {
  min_size            = 1
  max_size            = 3
  vpc_zone_identifier = ["subnet-1", "subnet-2"]
}
`, { name: 'no tags' }),
  ],
});
