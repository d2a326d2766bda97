import { defineControl, evidenceAt } from '../api.js';
import type { Resource, Value } from '../../model/types.js';
import { asBool, asString, prop } from '../../model/value.js';
import type { ResourceContext } from '../api.js';

/** The resource a value refers to (a Ref/GetAtt, or a string embedding exactly one resource). */
function referenced(r: ResourceContext, from: Resource, v: Value | undefined): Resource | undefined {
  if (!v) return undefined;
  const t = r.graph.target(from, v);
  if (t) return t;
  if (v.k === 'scalar' && v.refs?.length === 1) return r.graph.template(from)?.resources.get(v.refs[0]!);
  return undefined;
}

export default defineControl({
  id: 'AT-CFG-003',
  title: 'AWS Config recorders have a delivery channel and are recording',
  domain: 'audit',
  severity: 'medium',
  resourceTypes: ['AWS::Config::ConfigurationRecorder'],
  rationale: 'A configuration recorder records nothing until it has a delivery channel and is started. CloudFormation starts the recorder once a delivery channel exists; Terraform starts it only through aws_config_configuration_recorder_status with is_enabled = true. Both are looked for in the same scanned unit.',
  remediation: 'Declare an AWS::Config::DeliveryChannel (S3BucketName) next to the recorder.',
  remediationTerraform: 'Declare an aws_config_delivery_channel (s3_bucket_name) and an aws_config_configuration_recorder_status with name set to the recorder\'s name and is_enabled = true.',
  references: {},
  evaluate(r) {
    const channels = r.graph.ofType('AWS::Config::DeliveryChannel', r.resource);
    if (channels.length === 0) return r.fail('no delivery channel is declared with the recorder, so it never records', r.resource.loc, [evidenceAt('AWS::Config::DeliveryChannel', undefined, r.resource.loc, 'none in the scanned unit')]);
    const channelEv = evidenceAt(`${channels[0]!.id}.Properties.S3BucketName`, prop(channels[0]!.properties, 'S3BucketName'), channels[0]!.loc);
    if (!r.resource.sourceType?.startsWith('aws_')) return r.pass(`delivery channel ${channels[0]!.id} exists: CloudFormation starts the recorder`, channels[0]!.loc, [channelEv]);
    // Terraform: the recorder runs only with a status resource that enables it.
    const name = asString(r.get('Name')) ?? 'default';
    const statuses = r.graph.ofType('AWS::Config::ConfigurationRecorderStatus', r.resource).filter((s) => {
      const n = prop(s.properties, 'Name');
      return referenced(r, s, n) === r.resource || (asString(n) === name && !(n?.k === 'scalar' && n.refs));
    });
    if (statuses.length === 0) return r.fail('no aws_config_configuration_recorder_status enables this recorder, so Terraform leaves it stopped', r.resource.loc, [channelEv]);
    const s = statuses[0]!;
    const en = prop(s.properties, 'IsEnabled');
    const at = s.properties.keyLocs.get('IsEnabled') ?? s.loc;
    const ev = [channelEv, evidenceAt(`${s.id}.Properties.IsEnabled`, en, at)];
    if (en?.k === 'unknown') return r.unknown('whether the recorder is started depends on a value not known statically', en, at, ev);
    if (asBool(en) === true) return r.pass(`the recorder has delivery channel ${channels[0]!.id} and ${s.id} starts it`, at, ev);
    return r.fail(`${s.id} leaves the recorder stopped (is_enabled is not true)`, at, ev);
  },
});
