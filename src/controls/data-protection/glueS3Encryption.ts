import { decide, defineControl, evidenceAt, type Verdict } from '../api.js';
import { asString, prop } from '../../model/value.js';

export default defineControl({
  id: 'AT-GLUE-001',
  title: 'Glue security configurations encrypt data written to S3',
  domain: 'data-protection',
  severity: 'medium',
  resourceTypes: ['AWS::Glue::SecurityConfiguration'],
  rationale: 'Glue jobs, crawlers and development endpoints that use this security configuration write their output and temporary data to S3 with the S3 encryption it declares. With DISABLED (or no S3 setting) that data is written without Glue requesting encryption.',
  remediation: 'Set EncryptionConfiguration.S3Encryptions to S3EncryptionMode: SSE-KMS (with KmsKeyArn) or SSE-S3.',
  remediationTerraform: 'Set encryption_configuration { s3_encryption { s3_encryption_mode = "SSE-KMS" (with kms_key_arn) or "SSE-S3" } } on the aws_glue_security_configuration.',
  references: { checkov: ['CKV_AWS_99'], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    const path = 'EncryptionConfiguration.S3Encryptions';
    const v = r.get(path);
    const at = v === undefined ? r.resource.loc : r.locate(path);
    if (v && v.k === 'unknown') return r.unknown('S3 encryption depends on a deploy-time value', v, at, [evidenceAt(`Properties.${path}`, v, at)]);
    const items = v === undefined ? [] : v.k === 'list' ? v.items : [v];
    if (!items.length) return r.fail('no S3 encryption is configured: data written to S3 is not encrypted by Glue', at, [evidenceAt(`Properties.${path}`, v, at, 'left out, S3 encryption is DISABLED')]);
    const checks = items.map((it) => {
      const mode = it.k === 'unknown' ? it : prop(it, 'S3EncryptionMode');
      const loc = mode?.loc ?? it.loc;
      const d: Verdict = decide(mode, (m) => { const s = asString(m)?.toUpperCase(); return s === 'SSE-KMS' || s === 'SSE-S3'; });
      return { d, loc, ev: evidenceAt(`Properties.${path}.S3EncryptionMode`, mode, loc) };
    });
    const ev = checks.map((c) => c.ev);
    const bad = checks.find((c) => c.d === false);
    if (bad) return r.fail('S3EncryptionMode is DISABLED or missing: data written to S3 is not encrypted by Glue', bad.loc, ev);
    const unk = checks.find((c) => c.d !== true);
    if (unk && unk.d !== true && unk.d !== false) return r.unknown('S3 encryption depends on a deploy-time value', unk.d.unknown, unk.loc, ev);
    return r.pass('data written to S3 is encrypted (SSE-S3 or SSE-KMS)', checks[0]!.loc, ev);
  },
});
