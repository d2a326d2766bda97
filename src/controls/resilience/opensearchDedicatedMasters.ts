import { decide, defineControl, evidenceAt, type Outcome } from '../api.js';
import type { Value } from '../../model/types.js';
import { DOMAIN_TYPES, clusterConfigOf } from '../lib/opensearch.js';
import { atLeast, isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-OS-009',
  title: 'OpenSearch domains use at least three dedicated master nodes',
  domain: 'resilience',
  severity: 'low',
  resourceTypes: DOMAIN_TYPES,
  rationale: 'Dedicated master nodes keep cluster management off the busy data nodes; with three of them the cluster keeps a quorum when one fails. Without them, or with fewer, a loaded or lost node can leave the cluster unable to elect a master and stop accepting writes.',
  remediation: 'Set DedicatedMasterEnabled: true, DedicatedMasterCount: 3 (or 5) and a DedicatedMasterType in ClusterConfig (ElasticsearchClusterConfig on AWS::Elasticsearch::Domain).',
  remediationTerraform: 'Set cluster_config { dedicated_master_enabled = true, dedicated_master_count = 3, dedicated_master_type = ... } (3 or 5 masters) on the aws_opensearch_domain or aws_elasticsearch_domain.',
  references: { checkov: ['CKV_AWS_318'], guard: ['ELASTICSEARCH_PRIMARY_NODE_FAULT_TOLERANCE'] },
  evaluate(r): Outcome {
    const cfg = clusterConfigOf(r);
    const onPath = `${cfg}.DedicatedMasterEnabled`;
    const countPath = `${cfg}.DedicatedMasterCount`;
    const on = r.get(onPath);
    const count = r.get(countPath);
    const onAt = r.locate(onPath);
    const countAt = r.locate(countPath);
    const ev = [
      evidenceAt(`Properties.${onPath}`, on, onAt, on === undefined ? 'not set: false' : undefined),
      evidenceAt(`Properties.${countPath}`, count, countAt, count === undefined ? 'not set' : undefined),
    ];
    const enabled = decide(on, isTrue);
    if (enabled === false) return r.fail(`${onPath} is not true: the data nodes also manage the cluster`, onAt, ev);
    if (enabled !== true) return r.unknown('whether dedicated master nodes are used depends on a deploy-time value', enabled.unknown, onAt, ev);
    if (count === undefined) {
      const blocking: Value = { k: 'unknown', reason: `${countPath} is not set, and the number of dedicated master nodes AWS then uses is not known from the configuration (it is not documented)`, params: [], loc: countAt };
      return r.unknown('dedicated master nodes are enabled without a count', blocking, countAt, ev);
    }
    const enough = decide(count, atLeast(3));
    if (enough === false) return r.fail(`${countPath} is below 3: losing one master node can leave the cluster without a quorum`, countAt, ev);
    if (enough !== true) return r.unknown('the number of dedicated master nodes depends on a deploy-time value', enough.unknown, countAt, ev);
    return r.pass('three or more dedicated master nodes manage the cluster', countAt, ev);
  },
});
