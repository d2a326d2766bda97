import { defineControl } from '../api.js';
import { asString } from '../../model/value.js';
import { everyItem, itemKey } from '../lib/operations.js';

/** `root`, `0`, or `root:group` / `0:gid`. */
export function isRootUser(user: string): boolean {
  const u = user.split(':')[0].trim();
  return u === 'root' || u === '0';
}

export default defineControl({
  id: 'AT-ECS-005',
  title: 'ECS containers run as a non-root user',
  domain: 'authorization',
  severity: 'medium',
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  rationale: 'Processes running as root inside a container are one kernel or runtime flaw away from root on the host; a non-root user limits what an exploited application can do.',
  remediation: 'Set User to a non-root user or UID (e.g. "1000" or "app:app") in each container definition, matching a user that exists in the image.',
  remediationTerraform: 'Set "user" to a non-root user or UID (for example "1000" or "app:app", one that exists in the image) on every container in the container_definitions JSON of the aws_ecs_task_definition.',
  references: {},
  evaluate(r) {
    return everyItem(r, 'ContainerDefinitions', (c) => itemKey(c, 'User', (v) => {
      if (v && v.k === 'unknown') return { unknown: v };
      const s = asString(v);
      return s !== undefined && s.trim() !== '' && !isRootUser(s);
    }, 'when User is not set the image default applies, which is root unless the image sets USER'), {
      pass: 'every container runs as a non-root user',
      fail: (n) => `container(s) run as root or without an explicit User: ${n.join(', ')}`,
      unknown: 'cannot tell which user a container runs as',
      none: () => r.notApplicable('the task definition declares no containers'),
    });
  },
});
