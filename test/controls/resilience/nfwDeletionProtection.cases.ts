import control from '../../../src/controls/resilience/nfwDeletionProtection.js';
import { firewallProtectionCases } from '../builders/networkFirewall.js';

export default firewallProtectionCases(control, 'DeleteProtection', 'delete_protection');
