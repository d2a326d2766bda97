import { decide, defineControl, evidenceAt } from '../api.js';
import { isTrue } from '../predicates.js';
import { jsonObject } from '../lib/analytics.js';
import { valueThrough } from '../../model/value.js';

export default defineControl({
  id: 'AT-EMR-002',
  title: 'EMR security configurations enable encryption in transit',
  domain: 'data-protection',
  severity: 'high',
  resourceTypes: ['AWS::EMR::SecurityConfiguration'],
  rationale: 'Hadoop, Spark and Presto move data between cluster nodes and to S3 over the network. With EnableInTransitEncryption false, shuffle data and service traffic inside the cluster are not protected by TLS.',
  remediation: 'Set SecurityConfiguration.EncryptionConfiguration.EnableInTransitEncryption: true with InTransitEncryptionConfiguration (TLS certificates).',
  remediationTerraform: 'In the configuration JSON of the aws_emr_security_configuration, set EncryptionConfiguration.EnableInTransitEncryption to true with an InTransitEncryptionConfiguration (TLS certificates).',
  references: { checkov: [], trivy: ['AVD-AWS-0138'], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    const base = r.get('SecurityConfiguration');
    const doc = jsonObject(base);
    const path = 'EncryptionConfiguration.EnableInTransitEncryption';
    const v = valueThrough(doc, path);
    const written = base && base.k === 'object';
    const at = v?.loc && written ? r.locate(`SecurityConfiguration.${path}`) : base ? r.locate('SecurityConfiguration') : r.resource.loc;
    const d = decide(v, isTrue);
    const ev = [evidenceAt(`Properties.SecurityConfiguration.${path}`, v, at)];
    if (d === true) return r.pass('encryption in transit is enabled', at, ev);
    if (d === false) return r.fail('EnableInTransitEncryption is not true: EMR does not encrypt data in transit', at, ev);
    return r.unknown('encryption in transit depends on a deploy-time value', d.unknown, at, ev);
  },
});
