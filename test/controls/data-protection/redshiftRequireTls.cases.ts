import control from '../../../src/controls/data-protection/redshiftRequireTls.js';
import { cases } from '../../helpers/cases.js';
import { cluster } from '../builders/redshift.js';

const group = (params: string) => `  Params:
    Type: AWS::Redshift::ClusterParameterGroup
    Properties:
      Description: warehouse settings
      ParameterGroupFamily: redshift-1.0
      Parameters:
${params.replace(/\n?$/, '\n')}`;

export default cases(control, {
  pass: [
    { name: 'require_ssl true in the referenced group', template: cluster('      ClusterParameterGroupName: !Ref Params', { after: group(`        - ParameterName: require_ssl
          ParameterValue: "true" # <--`) }) },
  ],
  fail: [
    { name: 'group without require_ssl', template: cluster('      ClusterParameterGroupName: !Ref Params', { after: group(`        - ParameterName: enable_user_activity_logging
          ParameterValue: "true"`).replace('      Parameters:\n', '      Parameters: # <--\n') }) },
    { name: 'require_ssl false', template: cluster('      ClusterParameterGroupName: !Ref Params', { after: group(`        - ParameterName: require_ssl
          ParameterValue: "false" # <--`) }) },
  ],
  unknown: [
    { name: 'default parameter group', template: cluster('', { marked: true }) },
    { name: 'group not in the scanned templates', template: cluster('      ClusterParameterGroupName: shared-warehouse-params # <--') },
  ],
});
