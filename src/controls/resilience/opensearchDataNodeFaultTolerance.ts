import { decide, defineControl, evidenceAt, type Outcome } from '../api.js';
import { DOMAIN_TYPES, clusterConfigOf } from '../lib/opensearch.js';
import { atLeast, isTrue } from '../predicates.js';

export default defineControl({
  id: 'AT-OS-008',
  title: 'OpenSearch domains spread at least three data nodes across Availability Zones',
  domain: 'resilience',
  severity: 'medium',
  resourceTypes: DOMAIN_TYPES,
  rationale: 'With zone awareness off, or fewer than three data nodes, losing one node or one Availability Zone can leave shards without a copy: the cluster turns red, writes fail and data can be lost until it is restored from a snapshot.',
  remediation: 'Set ZoneAwarenessEnabled: true and InstanceCount of 3 or more in ClusterConfig (ElasticsearchClusterConfig on AWS::Elasticsearch::Domain), and keep at least one replica per index.',
  remediationTerraform: 'Set cluster_config { zone_awareness_enabled = true, instance_count = 3 } (or more, with zone_awareness_config.availability_zone_count) on the aws_opensearch_domain or aws_elasticsearch_domain, and keep at least one replica per index.',
  references: { guard: ['OPENSEARCH_DATA_NODE_FAULT_TOLERANCE', 'ELASTICSEARCH_DATA_NODE_FAULT_TOLERANCE'] },
  evaluate(r): Outcome {
    const cfg = clusterConfigOf(r);
    const zaPath = `${cfg}.ZoneAwarenessEnabled`;
    const countPath = `${cfg}.InstanceCount`;
    const za = r.get(zaPath);
    const count = r.get(countPath);
    const zaAt = r.locate(zaPath);
    const countAt = r.locate(countPath);
    const ev = [
      evidenceAt(`Properties.${zaPath}`, za, zaAt, za === undefined ? 'not set: false' : undefined),
      evidenceAt(`Properties.${countPath}`, count, countAt, count === undefined ? 'not set: 1 data node' : undefined),
    ];
    const zaOk = decide(za, isTrue);
    const countOk = decide(count, atLeast(3));
    if (zaOk === false) return r.fail(`${zaPath} is not true: all data nodes may sit in one Availability Zone`, zaAt, ev);
    if (countOk === false) return r.fail(`${countPath} is below 3${count === undefined ? ' (not set: 1)' : ''}: losing a node can leave shards without a copy`, countAt, ev);
    if (zaOk !== true) return r.unknown('zone awareness depends on a deploy-time value', zaOk.unknown, zaAt, ev);
    if (countOk !== true) return r.unknown('the number of data nodes depends on a deploy-time value', countOk.unknown, countAt, ev);
    return r.pass('zone awareness is on with three or more data nodes', countAt, ev);
  },
});
