import { all, defineControl } from '../api.js';
import { coversAnyPort, describeRule, openToWorld, portsCovered } from '../lib/network.js';
import { checkRules, SG_TYPES } from './sgRuleCheck.js';

/** Database, cache and search engine ports that should never face the internet. */
export const DATA_PORTS: Record<number, string> = {
  1433: 'SQL Server', 1434: 'SQL Server browser', 1521: 'Oracle', 2483: 'Oracle', 2484: 'Oracle TLS', 3306: 'MySQL/Aurora', 5432: 'PostgreSQL',
  5439: 'Redshift', 5984: 'CouchDB', 6379: 'Redis', 7000: 'Cassandra', 7001: 'Cassandra TLS', 8086: 'InfluxDB', 9042: 'Cassandra CQL',
  9200: 'Elasticsearch/OpenSearch', 9300: 'Elasticsearch transport', 11211: 'Memcached', 27017: 'MongoDB', 27018: 'MongoDB shard', 50000: 'DB2',
};
const PORTS = Object.keys(DATA_PORTS).map(Number);

export default defineControl({
  id: 'AT-SG-002',
  title: 'Security groups do not allow ingress from the internet to database or cache ports',
  domain: 'network',
  severity: 'high',
  resourceTypes: SG_TYPES,
  rationale: 'Databases, caches and search clusters reachable from the internet are a leading cause of data breaches and ransom wipes; many (Redis, Memcached, Elasticsearch) have no authentication by default.',
  remediation: 'Allow database and cache ports only from the application tier\'s security group (SourceSecurityGroupId) or private CIDRs, never 0.0.0.0/0 or ::/0.',
  remediationTerraform: 'Allow database and cache ports only from the application tier\'s security group (security_groups in an ingress block, source_security_group_id of an aws_security_group_rule, referenced_security_group_id of an aws_vpc_security_group_ingress_rule) or private CIDRs, never 0.0.0.0/0 or ::/0.',
  references: { guard: ['RESTRICTED_COMMON_PORTS'] },
  evaluate(r) {
    return checkRules(r, {
      direction: 'ingress',
      violates: (rule) => all([openToWorld(rule), coversAnyPort(rule, PORTS)]),
      fail: (rule) => {
        const hit = portsCovered(rule, PORTS);
        const names = hit.slice(0, 4).map((p) => `${DATA_PORTS[p]} (${p})`).join(', ') + (hit.length > 4 ? ` and ${hit.length - 4} more` : '');
        return `${describeRule(rule)} exposes ${names || 'a database port'} to the internet`;
      },
      pass: 'no ingress rule opens a database, cache or search port to 0.0.0.0/0 or ::/0',
      none: 'the security group has no ingress rules',
    });
  },
});
