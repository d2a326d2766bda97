import control from '../../../src/controls/network/wafCoreRuleSet.js';
import { cases, tf } from '../../helpers/cases.js';
import { managedRule, rateRule, tfManagedRule, tfRateRule, tfWebAcl, webAcl } from '../builders/waf.js';

export default cases(control, {
  pass: [
    { name: 'core rule set enforcing', template: webAcl(`${rateRule()}\n${managedRule('AWSManagedRulesCommonRuleSet', 1, 'None', 'AWS', true)}\n${managedRule('AWSManagedRulesKnownBadInputsRuleSet', 2)}`) },
    tf(tfWebAcl(`${tfRateRule()}\n${tfManagedRule('AWSManagedRulesCommonRuleSet', 1, { mark: true })}\n${tfManagedRule('AWSManagedRulesKnownBadInputsRuleSet', 2)}`), { name: 'core rule set enforcing' }),
  ],
  fail: [
    { name: 'core rule set only counting', template: webAcl(managedRule('AWSManagedRulesCommonRuleSet', 1, 'Count', 'AWS', true)) },
    { name: 'only a rate limit', template: webAcl(rateRule(), { rulesLine: ' # <--' }) },
    tf(tfWebAcl(tfManagedRule('AWSManagedRulesCommonRuleSet', 1, { override: 'count', mark: true })), { name: 'core rule set only counting' }),
    tf(tfWebAcl(tfManagedRule('AWSManagedRulesSQLiRuleSet', 1)).replace('  rule {', '  rule { # <--'), { name: 'SQL injection rules only' }),
    tf(tfWebAcl('', { mark: true }), { name: 'no rules' }),
  ],
  unknown: [
    { name: "another vendor's managed rule group", template: webAcl(managedRule('OWASP-Top10', 1, 'None', 'ExampleVendor', true)) },
    tf(tfWebAcl(tfManagedRule('OWASP-Top10', 1, { vendor: 'ExampleVendor', mark: true })), { name: "another vendor's managed rule group" }),
  ],
});
