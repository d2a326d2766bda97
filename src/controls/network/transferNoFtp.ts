import { defineControl } from '../api.js';
import { listIncludes } from '../lib/analytics.js';
import type { Value } from '../../model/types.js';

export default defineControl({
  id: 'AT-XFER-001',
  title: 'Transfer Family servers do not offer plain FTP',
  domain: 'network',
  severity: 'high',
  resourceTypes: ['AWS::Transfer::Server'],
  rationale: 'FTP sends user names, passwords and file contents unencrypted. A Transfer Family server that lists FTP among its protocols exposes every session that uses it; SFTP and FTPS encrypt both the credentials and the data.',
  remediation: 'Remove FTP from Protocols and use SFTP or FTPS. Left out, the server offers SFTP only.',
  remediationTerraform: 'Remove "FTP" from protocols on the aws_transfer_server (for example protocols = ["SFTP"]); left out, the server offers SFTP only.',
  references: { checkov: [], trivy: [], cfn_nag: [], cdk_nag: [], guard: [] },
  evaluate(r) {
    const noFtp = (v: Value | undefined) => { const d = listIncludes('FTP')(v); return d === true ? false : d === false ? true : d; };
    return r.expect('Protocols', noFtp, {
      pass: 'the server offers only encrypted protocols',
      fail: 'Protocols includes FTP: credentials and files travel unencrypted',
      unknown: 'the protocols depend on a deploy-time value',
    }, 'default is SFTP only');
  },
});
