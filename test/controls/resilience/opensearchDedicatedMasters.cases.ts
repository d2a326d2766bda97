import control from '../../../src/controls/resilience/opensearchDedicatedMasters.js';
import { cases, tf } from '../../helpers/cases.js';
import { cfnParam, domain, marked, tfDomain, tfVar } from '../builders/opensearch.js';

export default cases(control, {
  pass: [
    { name: 'three dedicated masters', template: domain(`      ClusterConfig:
        DedicatedMasterEnabled: true
        DedicatedMasterType: m6g.large.search
        DedicatedMasterCount: 3 # <--`) },
    tf(tfDomain(`  cluster_config {
    dedicated_master_enabled = true
    dedicated_master_type    = "m6g.large.search"
    dedicated_master_count   = 3 # <--
  }`), { name: 'cluster_config with three dedicated masters' }),
  ],
  fail: [
    { name: 'no dedicated masters', template: marked(domain('      DomainName: search')) },
    { name: 'two dedicated masters on the legacy type', template: domain(`      ElasticsearchClusterConfig:
        DedicatedMasterEnabled: true
        DedicatedMasterCount: 2 # <--`, { type: 'AWS::Elasticsearch::Domain' }) },
    tf(marked(tfDomain('')), { name: 'no cluster_config' }),
    tf(tfDomain(`  cluster_config {
    instance_count           = 3
    dedicated_master_enabled = false # <--
  }`, { legacy: true }), { name: 'aws_elasticsearch_domain dedicated_master_enabled = false' }),
  ],
  unknown: [
    { name: 'enabled without a count', template: domain(`      ClusterConfig: # <--
        DedicatedMasterEnabled: true
        DedicatedMasterType: m6g.large.search`) },
    { name: 'count from a parameter without default', template: domain(`      ClusterConfig:
        DedicatedMasterEnabled: true
        DedicatedMasterCount: !Ref Masters # <--`, { before: cfnParam('Masters') }) },
    tf(tfDomain(`  cluster_config {
    dedicated_master_enabled = var.masters # <--
    dedicated_master_count   = 3
  }`, { before: tfVar('masters', 'bool') }), { name: 'dedicated_master_enabled from a variable without a value' }),
  ],
});
