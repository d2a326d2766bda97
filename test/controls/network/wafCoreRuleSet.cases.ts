import control from '../../../src/controls/network/wafCoreRuleSet.js';
import { cases } from '../../helpers/cases.js';
import { managedRule, rateRule, webAcl } from '../builders/waf.js';

export default cases(control, {
  pass: [
    { name: 'core rule set enforcing', template: webAcl(`${rateRule()}\n${managedRule('AWSManagedRulesCommonRuleSet', 1, 'None', 'AWS', true)}\n${managedRule('AWSManagedRulesKnownBadInputsRuleSet', 2)}`) },
  ],
  fail: [
    { name: 'core rule set only counting', template: webAcl(managedRule('AWSManagedRulesCommonRuleSet', 1, 'Count', 'AWS', true)) },
    { name: 'only a rate limit', template: webAcl(rateRule(), { rulesLine: ' # <--' }) },
  ],
  unknown: [
    { name: "another vendor's managed rule group", template: webAcl(managedRule('OWASP-Top10', 1, 'None', 'ExampleVendor', true)) },
  ],
});
