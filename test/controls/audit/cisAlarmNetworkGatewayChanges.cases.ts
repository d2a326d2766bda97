import control from '../../../src/controls/audit/cisAlarmNetworkGatewayChanges.js';
import { cisCases } from '../builders/cisAlarms.js';

// CIS AWS Foundations 4.12: patterns that must pass, and near misses that must fail.
export default cisCases(control, [
  "{ ($.eventName = CreateCustomerGateway) || ($.eventName = DeleteCustomerGateway) || ($.eventName = AttachInternetGateway) || ($.eventName = CreateInternetGateway) || ($.eventName = DeleteInternetGateway) || ($.eventName = DetachInternetGateway) }",
  "{ ($.eventSource = ec2.amazonaws.com) && (($.eventName = \"CreateCustomerGateway\") || ($.eventName = \"DeleteCustomerGateway\") || ($.eventName = \"AttachInternetGateway\") || ($.eventName = \"CreateInternetGateway\") || ($.eventName = \"DeleteInternetGateway\") || ($.eventName = \"DetachInternetGateway\")) }",
], [
  "{ ($.eventName = CreateCustomerGateway) || ($.eventName = DeleteCustomerGateway) || ($.eventName = AttachInternetGateway) || ($.eventName = CreateInternetGateway) || ($.eventName = DeleteInternetGateway) }",
  "{ ($.eventName = CreateCustomerGateway) && ($.eventName = DeleteCustomerGateway) && ($.eventName = AttachInternetGateway) && ($.eventName = CreateInternetGateway) && ($.eventName = DeleteInternetGateway) && ($.eventName = DetachInternetGateway) }",
  "{ ($.eventSource = ec2.amazonaws.com) }",
]);
