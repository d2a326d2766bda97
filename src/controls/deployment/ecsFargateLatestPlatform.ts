import { decide, defineControl, type Outcome } from '../api.js';
import { asString, prop } from '../../model/value.js';

const OUTDATED = ['1.3.0', '1.2.0', '1.1.0'];
const CURRENT = ['LATEST', '1.4.0'];

export default defineControl({
  id: 'AT-ECS-009',
  title: 'ECS Fargate services run on the latest platform version',
  domain: 'deployment',
  severity: 'low',
  resourceTypes: ['AWS::ECS::Service'],
  rationale: 'The Fargate platform version fixes the kernel and runtime the tasks run on. A service pinned to an old Linux version (1.3.0 or earlier) keeps running on it, without the security fixes and features of 1.4.0. LATEST (the default) follows new versions as tasks are replaced.',
  remediation: 'Leave PlatformVersion unset or set it to LATEST.',
  remediationTerraform: 'Leave platform_version on the aws_ecs_service unset or set it to "LATEST".',
  references: { checkov: ['CKV_AWS_332'] },
  evaluate(r): Outcome {
    const v = r.get('PlatformVersion');
    if (v === undefined) {
      // Left out, the platform version is LATEST; it only matters on Fargate.
      const lt = r.get('LaunchType');
      const cps = r.get('CapacityProviderStrategy');
      const usesFargateProvider = cps?.k === 'list' && cps.items.some((i) => /^FARGATE/.test(asString(prop(i, 'CapacityProvider')) ?? ''));
      const fargate = decide(lt, (x) => (x && x.k === 'unknown' ? { unknown: x } : asString(x) === 'FARGATE'));
      if (fargate === false && !usesFargateProvider) return r.notApplicable('the service does not set a platform version and is not declared to run on Fargate');
    }
    const at = r.locate('PlatformVersion');
    const ev = [r.evidence('PlatformVersion', v, v ? undefined : 'not set: LATEST')];
    const d = decide(v, (x) => {
      if (x && x.k === 'unknown') return { unknown: x };
      const s = asString(x) ?? 'LATEST';
      if (CURRENT.includes(s)) return true;
      if (OUTDATED.includes(s)) return false;
      const reason = s === '1.0.0' ? 'platform version 1.0.0 is the latest for Windows tasks and an outdated one for Linux tasks; the task\'s operating system is not read, so whether it is current is not known' : `platform version ${s} is not one this control knows; whether it is current is not known`;
      return { unknown: { k: 'unknown', reason, params: [], loc: x?.loc ?? at } };
    });
    if (d === true) return r.pass(`the service runs on platform version ${asString(v) ?? 'LATEST (the default)'}`, at, ev);
    if (d === false) return r.fail(`the service is pinned to platform version ${asString(v)}, older than the current Linux version 1.4.0`, at, ev);
    return r.unknown('cannot tell whether the platform version is current', d.unknown, at, ev);
  },
});
