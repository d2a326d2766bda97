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
  remediation: 'Leave PlatformVersion unset or set it to LATEST (Terraform: platform_version = "LATEST" on aws_ecs_service, or leave it out).',
  references: { checkov: ['CKV_AWS_332'] },
  evaluate(r): Outcome {
    const lt = r.get('LaunchType');
    const cps = r.get('CapacityProviderStrategy');
    const usesFargateProvider = cps?.k === 'list' && cps.items.some((i) => /^FARGATE/.test(asString(prop(i, 'CapacityProvider')) ?? ''));
    const fargate = decide(lt, (v) => (v && v.k === 'unknown' ? { unknown: v } : asString(v) === 'FARGATE'));
    if (fargate !== true && !usesFargateProvider) {
      if (fargate !== false) return r.unknown('cannot tell whether the service runs on Fargate', fargate.unknown, r.locate('LaunchType'), [r.evidence('LaunchType')]);
      return r.notApplicable('the service does not run on Fargate');
    }
    const v = r.get('PlatformVersion');
    const at = r.locate('PlatformVersion');
    const ev = [r.evidence('PlatformVersion', v, v ? undefined : 'not set: LATEST')];
    const d = decide(v, (x) => {
      if (x && x.k === 'unknown') return { unknown: x };
      const s = asString(x) ?? 'LATEST';
      if (CURRENT.includes(s)) return true;
      if (OUTDATED.includes(s)) return false;
      return { unknown: { k: 'unknown', reason: `platform version ${s} is the latest only for Windows tasks; whether it is current is not known`, params: [], loc: x?.loc ?? at } };
    });
    if (d === true) return r.pass(`the service runs on platform version ${asString(v) ?? 'LATEST (the default)'}`, at, ev);
    if (d === false) return r.fail(`the service is pinned to platform version ${asString(v)}, older than the current Linux version 1.4.0`, at, ev);
    return r.unknown('cannot tell whether the platform version is current', d.unknown, at, ev);
  },
});
