import control from '../../../src/controls/network/nfwSubnetChangeProtection.js';
import { firewallProtectionCases } from '../builders/networkFirewall.js';

export default firewallProtectionCases(control, 'SubnetChangeProtection', 'subnet_change_protection');
