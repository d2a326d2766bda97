import { defineControl, evidenceAt } from '../api.js';

export default defineControl({
  id: 'AT-SM-001',
  title: 'Secrets Manager secrets have automatic rotation scheduled',
  domain: 'data-protection',
  severity: 'medium',
  resourceTypes: ['AWS::SecretsManager::Secret'],
  rationale: 'A secret that never changes stays useful to anyone who copied it once; scheduled rotation bounds the lifetime of a leaked credential.',
  remediation: 'Declare an AWS::SecretsManager::RotationSchedule whose SecretId references the secret, with a rotation Lambda (RotationLambdaARN or HostedRotationLambda) and RotationRules.',
  remediationTerraform: 'Declare an aws_secretsmanager_secret_rotation whose secret_id references the aws_secretsmanager_secret, with rotation_lambda_arn and a rotation_rules block (rotation configured inline on the secret with provider v3 arguments is not read).',
  references: { cdk_nag: ['AwsSolutions-SMG4'], guard: ['SECRETSMANAGER_ROTATION_ENABLED_CHECK'] },
  evaluate(r) {
    const schedules = r.graph.referrers(r.resource, 'AWS::SecretsManager::RotationSchedule')
      .filter((s) => r.graph.target(s, s.properties.props.get('SecretId'))?.id === r.id);
    if (schedules.length) {
      const s = schedules[0];
      const sid = s.properties.props.get('SecretId');
      // Located at the schedule's SecretId key, which carries the path as written (a Terraform argument).
      const at = s.properties.keyLocs.get('SecretId') ?? s.loc;
      return r.pass(`rotation is scheduled by ${s.id}`, at, [evidenceAt(`${s.id}.Properties.SecretId`, sid, at, 'AWS::SecretsManager::RotationSchedule referencing this secret')]);
    }
    return r.fail('no AWS::SecretsManager::RotationSchedule references this secret in the scanned templates (rotation may be configured outside them)', r.resource.loc, [evidenceAt('RotationSchedule', undefined, r.resource.loc, 'no rotation schedule found')]);
  },
});
