import control from '../../../src/controls/resilience/opensearchDataNodeFaultTolerance.js';
import { cases, tf } from '../../helpers/cases.js';
import { cfnParam, domain, marked, tfDomain, tfVar } from '../builders/opensearch.js';

export default cases(control, {
  pass: [
    { name: 'three data nodes across zones', template: domain(`      ClusterConfig:
        InstanceType: r6g.large.search
        InstanceCount: 3 # <--
        ZoneAwarenessEnabled: true
        ZoneAwarenessConfig:
          AvailabilityZoneCount: 3`) },
    { name: 'legacy type: ElasticsearchClusterConfig', template: domain(`      ElasticsearchClusterConfig:
        InstanceCount: 4 # <--
        ZoneAwarenessEnabled: true`, { type: 'AWS::Elasticsearch::Domain' }) },
    tf(tfDomain(`  cluster_config {
    instance_type          = "r6g.large.search"
    instance_count         = 3 # <--
    zone_awareness_enabled = true
    zone_awareness_config {
      availability_zone_count = 3
    }
  }`), { name: 'cluster_config with three nodes and zone awareness' }),
  ],
  fail: [
    { name: 'no ClusterConfig: one node, one zone', template: marked(domain('      DomainName: search')) },
    { name: 'zone awareness off', template: domain(`      ClusterConfig:
        InstanceCount: 3
        ZoneAwarenessEnabled: false # <--`) },
    { name: 'two data nodes', template: domain(`      ClusterConfig:
        InstanceCount: 2 # <--
        ZoneAwarenessEnabled: true`) },
    tf(marked(tfDomain('')), { name: 'no cluster_config' }),
    tf(tfDomain(`  cluster_config {
    instance_count         = 2 # <--
    zone_awareness_enabled = true
  }`, { legacy: true }), { name: 'aws_elasticsearch_domain with two nodes' }),
  ],
  unknown: [
    { name: 'node count from a parameter without default', template: domain(`      ClusterConfig:
        InstanceCount: !Ref Nodes # <--
        ZoneAwarenessEnabled: true`, { before: cfnParam('Nodes') }) },
    tf(tfDomain(`  cluster_config {
    instance_count         = var.nodes # <--
    zone_awareness_enabled = true
  }`, { before: tfVar('nodes', 'number') }), { name: 'instance_count from a variable without a value' }),
  ],
});
