// Infrastructure written in a form Attest does not read. Such a file is listed as skipped,
// naming what it is and what to scan instead, so a repository whose infrastructure Attest
// cannot see does not look like a repository without infrastructure.

/** Names that are infrastructure of a kind Attest does not read, with what to do about it. */
const BY_NAME: { test: (name: string) => boolean; reason: string }[] = [
  { test: (n) => n.endsWith('.tf.json'), reason: 'Terraform in JSON syntax, which Attest does not read yet; scan a plan instead (terraform show -json plan.out > plan.json)' },
  { test: (n) => n === 'terragrunt.hcl', reason: 'Terragrunt configuration, which Attest does not read; scan the Terraform modules it calls, or a plan (terraform show -json)' },
  { test: (n) => n.endsWith('.bicep'), reason: 'Azure Bicep, which Attest does not read (it reads AWS infrastructure)' },
  { test: (n) => n === 'cdk.json', reason: 'an AWS CDK app, which Attest reads once synthesized: run `cdk synth` and scan cdk.out (attest scan cdk.out)' },
  { test: (n) => n === 'serverless.yml' || n === 'serverless.yaml', reason: 'a Serverless Framework service, which Attest reads once packaged: run `serverless package` and scan .serverless/cloudformation-template-update-stack.json' },
];

/** File names the walk must look at because they may be infrastructure Attest does not read. */
export function namedUnsupported(name: string): string | undefined {
  return BY_NAME.find((k) => k.test(name))?.reason;
}

/** Content that is infrastructure of another kind, told apart from prose and other YAML/JSON. */
export function sniffUnsupported(text: string): string | undefined {
  const head = text.slice(0, 4096);
  if (/deploymentTemplate\.json#/.test(head)) return 'an Azure Resource Manager template, which Attest does not read (it reads AWS infrastructure)';
  if (/^apiVersion:\s*\S+/m.test(head) && /^kind:\s*\S+/m.test(head)) return 'a Kubernetes manifest, which Attest does not read';
  return undefined;
}
