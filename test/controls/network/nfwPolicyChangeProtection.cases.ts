import control from '../../../src/controls/network/nfwPolicyChangeProtection.js';
import { firewallProtectionCases } from '../builders/networkFirewall.js';

export default firewallProtectionCases(control, 'FirewallPolicyChangeProtection', 'firewall_policy_change_protection');
