import { defineControl } from '../api.js';
import { asString, asStrings } from '../../model/value.js';

export default defineControl({
  id: 'AT-SSM-002',
  title: 'SSM documents are not shared publicly',
  domain: 'data-protection',
  severity: 'high',
  resourceTypes: ['AWS::SSM::Document'],
  rationale: 'A document shared with "All" can be read and run by every AWS account, exposing the commands, scripts, resource names and sometimes credentials inside it. CloudFormation cannot share a document (documents it creates are private, not applicable here); Terraform shares through the permissions argument of aws_ssm_document.',
  remediation: 'CloudFormation has no property for document sharing: do not share the document with All accounts (SSM ModifyDocumentPermission AccountIdsToAdd); list the accounts that need it.',
  remediationTerraform: 'Remove account_ids = "All" from the permissions of the aws_ssm_document and list the accounts that need the document.',
  references: {},
  evaluate(r) {
    if (!r.resource.sourceType?.startsWith('aws_')) return r.notApplicable('CloudFormation cannot share an SSM document: it stays private to the account');
    const type = r.get('Permissions.Type');
    const ids = r.get('Permissions.AccountIds');
    const at = r.locate('Permissions.AccountIds');
    const ev = [r.evidence('Permissions.Type', type), r.evidence('Permissions.AccountIds', ids, ids === undefined ? 'not set: not shared' : undefined)];
    if (ids === undefined) return r.pass('the document is not shared with other accounts', at, ev);
    if (ids.k === 'unknown') return r.unknown('the accounts the document is shared with are not known statically', ids, at, ev);
    const list = (asStrings(ids) ?? [asString(ids) ?? '']).flatMap((s) => s.split(',')).map((s) => s.trim());
    if (list.some((s) => s.toLowerCase() === 'all')) return r.fail('the document is shared with all AWS accounts (public)', at, ev);
    return r.pass(`the document is shared with named accounts only (${list.join(', ')})`, at, ev);
  },
});
