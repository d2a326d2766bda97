import control from '../../../src/controls/deployment/asgLaunchTemplate.js';
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
      LaunchTemplate: # <--
        LaunchTemplateId: lt-1
        Version: "1"
`,
    tf(`resource "aws_autoscaling_group" "web" {
  min_size            = 1
  max_size            = 3
  vpc_zone_identifier = ["subnet-1", "subnet-2"]

  launch_template {
    id      = "lt-1" # <--
    version = "$Latest"
  }
}
`, { name: 'launch_template block' }),
  ],
  fail: [
    `Resources:
  Asg:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: "1"
      MaxSize: "3"
      VPCZoneIdentifier: [subnet-1, subnet-2]
      LaunchConfigurationName: web-lc # <--
`,
    tf(`resource "aws_autoscaling_group" "web" {
  min_size             = 1
  max_size             = 3
  vpc_zone_identifier  = ["subnet-1", "subnet-2"]
  launch_configuration = "web-lc" # <--
}
`, { name: 'launch_configuration' }),
  ],
});
