import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { redact, redactAll } from './secrets.js';

export interface ArtifactOptions {
  /**
   * false: only the secret values read at run time are replaced, not every credential shape. For files whose
   * content is graded again (cached answers, stress conversations, emitted cases): a planted fake key is what a
   * leak rule looks for, and replacing it would turn a leak into a pass.
   */
  shapes?: boolean;
}

const clean = (text: string, o: ArtifactOptions) => (o.shapes === false ? redact(text) : redactAll(text));

/**
 * Every file the tool writes goes through here, so no secret value reaches an artifact, a cache or a checkpoint.
 * Returns what was written (for a hash of the file without reading it back).
 */
export function writeArtifact(file: string, text: string, o: ArtifactOptions = {}): string {
  mkdirSync(dirname(file), { recursive: true });
  const written = clean(text, o);
  writeFileSync(file, written);
  return written;
}

export function appendArtifact(file: string, text: string, o: ArtifactOptions = {}): void {
  appendFileSync(file, clean(text, o));
}
