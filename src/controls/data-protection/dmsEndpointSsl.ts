import { defineControl } from '../api.js';
import { asString } from '../../model/value.js';
import { oneOf } from '../predicates.js';

/** Engines DMS connects to as a database client, where SslMode decides whether the connection is encrypted. */
const SSL_ENGINES = new Set([
  'mysql', 'mariadb', 'aurora', 'aurora-postgresql', 'aurora-serverless', 'aurora-postgresql-serverless', 'postgres', 'oracle', 'sqlserver', 'sybase',
  'db2', 'db2-zos', 'mongodb', 'docdb', 'azuredb', 'azure-sql-managed-instance', 'babelfish',
]);

export default defineControl({
  id: 'AT-DMS-004',
  title: 'DMS database endpoints connect with SSL',
  domain: 'data-protection',
  severity: 'high',
  resourceTypes: ['AWS::DMS::Endpoint'],
  rationale: 'With SslMode none (the default), DMS connects to the source or target database without TLS, so the credentials it logs in with and all replicated rows cross the network in clear. verify-ca or verify-full also check the server\'s certificate. Endpoints of services reached over their HTTPS APIs (S3, DynamoDB, Kinesis and the like), and Redshift targets (loaded through S3), have no SSL mode to set and are not judged.',
  remediation: 'Set SslMode: require, verify-ca or verify-full (with CertificateArn for the verify modes).',
  remediationTerraform: 'Set ssl_mode on the aws_dms_endpoint to "require", "verify-ca" or "verify-full" (with certificate_arn for the verify modes).',
  references: { checkov: [], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    const engine = asString(r.get('EngineName'))?.toLowerCase();
    if (engine !== undefined && !SSL_ENGINES.has(engine)) return r.notApplicable(`the ${engine} endpoint type has no SSL mode`);
    return r.expect('SslMode', oneOf(['require', 'verify-ca', 'verify-full'], true), {
      pass: 'DMS connects to the database over SSL',
      fail: 'SslMode is none (the default when left out): DMS connects to the database without TLS',
      unknown: 'the SSL mode depends on a deploy-time value',
    }, 'default is none');
  },
});
