import { decide, defineControl, type Outcome } from '../api.js';
import { asString } from '../../model/value.js';
import { isPresent } from '../predicates.js';
import { LAMBDA_TYPES } from '../lib/operations.js';

export default defineControl({
  id: 'AT-LAMBDA-010',
  title: 'Lambda functions verify code signatures before deployment',
  domain: 'deployment',
  severity: 'low',
  resourceTypes: LAMBDA_TYPES,
  rationale: 'With a code signing configuration, Lambda accepts only .zip packages signed by the listed signing profiles (and can reject expired or revoked signatures), so code that did not come out of the trusted build pipeline cannot be deployed even by someone allowed to update the function. Container image functions are verified by other means and cannot use it.',
  remediation: 'Declare an AWS::Lambda::CodeSigningConfig with the allowed signing profiles (UntrustedArtifactOnDeployment: Enforce) and set CodeSigningConfigArn on the function.',
  remediationTerraform: 'Declare an aws_lambda_code_signing_config with the allowed signing profiles and policies { untrusted_artifact_on_deployment = "Enforce" }, and set code_signing_config_arn on the aws_lambda_function.',
  references: { checkov: ['CKV_AWS_272'] },
  evaluate(r): Outcome {
    const pkg = decide(r.get('PackageType'), (v) => (v && v.k === 'unknown' ? { unknown: v } : asString(v) === 'Image'));
    if (pkg === true) return r.notApplicable('a container image function: code signing applies to .zip packages');
    return r.expect('CodeSigningConfigArn', isPresent, {
      pass: 'deployments must carry a signature from a trusted signing profile',
      fail: 'CodeSigningConfigArn is not set: any package can be deployed to the function without a signature check',
      unknown: 'the code signing configuration depends on a deploy-time value',
    });
  },
});
