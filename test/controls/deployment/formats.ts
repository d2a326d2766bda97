// Scan Terraform configurations and Pulumi programs or stacks end to end (reader, translation,
// controls), for controls whose verdict depends on what only the readers see: variables and
// their sensitivity, meta-arguments such as `lifecycle`, Pulumi resource options.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Control } from '../../../src/controls/api.js';
import { evaluate } from '../../../src/engine/scan.js';
import type { Finding } from '../../../src/model/types.js';
import type { SourceLoad } from '../../../src/sources/types.js';
import { pulumiPreviewSource, pulumiStateSource } from '../../../src/sources/pulumi/state.js';
import { pulumiYamlSource } from '../../../src/sources/pulumi/yaml.js';
import { terraformSource } from '../../../src/sources/terraform/source.js';

function findings(load: SourceLoad, controls: Control[]): Finding[] {
  const errors = load.sources.flatMap((s) => s.errors);
  if (errors.length) throw new Error(`input has errors: ${errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('; ')}`);
  return evaluate(load.templates, load.sources, { controls, params: {}, today: '2026-01-01' }).findings;
}

/** A Terraform root module written from `files` (main.tf, terraform.tfvars…), scanned with `controls`. */
export function scanTerraform(files: Record<string, string>, controls: Control[]): Finding[] {
  const dir = mkdtempSync(join(tmpdir(), 'attest-ctl-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return findings(terraformSource.load(new Map([[dir, Object.keys(files).map((f) => join(dir, f))]]), {}), controls);
}

/** A Pulumi YAML program, stack export or preview (told apart by `kind`), scanned with `controls`. */
export function scanPulumi(kind: 'yaml' | 'state' | 'preview', text: string, controls: Control[]): Finding[] {
  const source = kind === 'yaml' ? pulumiYamlSource : kind === 'state' ? pulumiStateSource : pulumiPreviewSource;
  const file = kind === 'yaml' ? 'Pulumi.yaml' : `${kind}.json`;
  if (!source.sniff(text, file)) throw new Error(`not read as a Pulumi ${kind}`);
  return findings(source.load(text, file, {}), controls);
}
