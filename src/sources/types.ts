// The seam between input formats and everything downstream. A source reads its format
// into the format-neutral model (templates of located resources in the controls'
// vocabulary); the engine, the controls, the facts, the reports and the server only ever
// see the model, never which format a resource came from.
import type { SourceError, SourceInfo, Skipped, Template } from '../model/types.js';
import type { ResolveOptions } from './cloudformation/template.js';

export interface LoadOptions extends ResolveOptions {
  /** Patterns of files and folders the walk leaves out (listed as skipped). */
  exclude?: string[];
  onProgress?: (done: number, total: number) => void;
  /** Terraform variable files given with `--var-file` (as `terraform -var-file`), applied to every Terraform root scanned. */
  varFiles?: string[];
}

/** What a source made of the files it read. */
export interface SourceLoad {
  /** One per file or unit read, with its errors (a unit that could not be read has resources: 0). */
  sources: SourceInfo[];
  templates: Template[];
  skipped: Skipped[];
}

/**
 * A format read from the text of one file (a plan, a stack export), recognised by content.
 * Sources are asked in order; the first whose `sniff` accepts a file reads it.
 */
export interface TextSource {
  id: string;
  /** What it reads, for messages: "Terraform plans (terraform show -json)". */
  title: string;
  sniff(text: string, file: string): boolean;
  load(text: string, file: string, opts: LoadOptions): SourceLoad;
}

/**
 * A format whose unit is a folder (a Terraform module spans its `.tf` files): it claims
 * files by name during the walk and reads them folder by folder.
 */
export interface FolderSource {
  id: string;
  title: string;
  /** Does the walk hand this file to this source (by name)? */
  claims(name: string): boolean;
  /** Read the claimed files, grouped by folder (display paths). */
  load(folders: Map<string, string[]>, opts: LoadOptions): SourceLoad;
}

export type { SourceError };

/** Attest's own ignore file: read by the scan command as configuration, so the walk does not list it as a skipped input. */
export const IGNORE_FILE_NAME = '.attestignore.yaml';
