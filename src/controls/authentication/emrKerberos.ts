import { defineControl } from '../api.js';
import { isPresent } from '../predicates.js';

export default defineControl({
  id: 'AT-EMR-006',
  title: 'EMR clusters authenticate users and services with Kerberos',
  domain: 'authentication',
  severity: 'medium',
  resourceTypes: ['AWS::EMR::Cluster'],
  rationale: 'Without Kerberos, Hadoop services on an EMR cluster trust the user name a client claims, so anyone who can reach the cluster can act as any user, including HDFS and YARN superusers. Kerberos (configured through KerberosAttributes and a security configuration with Kerberos authentication) makes users and services prove who they are.',
  remediation: 'Set KerberosAttributes (Realm, KdcAdminPassword from a secret) on the AWS::EMR::Cluster and name a security configuration that enables Kerberos authentication. It can only be set at creation.',
  remediationTerraform: 'Add a kerberos_attributes block (realm, kdc_admin_password from a sensitive variable or secret) to the aws_emr_cluster and name in security_configuration an aws_emr_security_configuration that enables Kerberos authentication; it can only be set at creation.',
  references: { checkov: [], trivy: [], cfn_nag: ['F63'], cdk_nag: [], guard: ['EMR_KERBEROS_ENABLED'] },
  evaluate(r) {
    return r.expect('KerberosAttributes', isPresent, {
      pass: 'the cluster uses Kerberos authentication',
      fail: 'KerberosAttributes is not set: cluster services accept the user names clients claim',
      unknown: 'Kerberos authentication depends on a deploy-time value',
    });
  },
});
