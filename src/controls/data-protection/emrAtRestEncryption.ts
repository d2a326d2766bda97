import { decide, defineControl, evidenceAt } from '../api.js';
import { isTrue } from '../predicates.js';
import { jsonObject } from '../lib/analytics.js';
import { valueThrough } from '../../model/value.js';

export default defineControl({
  id: 'AT-EMR-001',
  title: 'EMR security configurations enable encryption at rest',
  domain: 'data-protection',
  severity: 'high',
  resourceTypes: ['AWS::EMR::SecurityConfiguration'],
  rationale: 'Clusters that use this security configuration store EMRFS data in S3 and HDFS and spill data on local disks. With EnableAtRestEncryption false, EMR applies no encryption of its own to either.',
  remediation: 'Set SecurityConfiguration.EncryptionConfiguration.EnableAtRestEncryption: true with an AtRestEncryptionConfiguration (S3 and local disk), and reference the configuration from each cluster.',
  remediationTerraform: 'In the configuration JSON of the aws_emr_security_configuration, set EncryptionConfiguration.EnableAtRestEncryption to true with an AtRestEncryptionConfiguration (S3 and local disk), and name it in security_configuration of each aws_emr_cluster.',
  references: { checkov: [], trivy: ['AVD-AWS-0137'], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    const base = r.get('SecurityConfiguration');
    const doc = jsonObject(base);
    const path = 'EncryptionConfiguration.EnableAtRestEncryption';
    const v = valueThrough(doc, path);
    const written = base && base.k === 'object';
    const at = v?.loc && written ? r.locate(`SecurityConfiguration.${path}`) : base ? r.locate('SecurityConfiguration') : r.resource.loc;
    const d = decide(v, isTrue);
    const ev = [evidenceAt(`Properties.SecurityConfiguration.${path}`, v, at)];
    if (d === true) return r.pass('encryption at rest is enabled', at, ev);
    if (d === false) return r.fail('EnableAtRestEncryption is not true: EMR does not encrypt data at rest', at, ev);
    return r.unknown('encryption at rest depends on a deploy-time value', d.unknown, at, ev);
  },
});
