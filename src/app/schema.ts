import { exportSchemas } from '../schema/export.js';

/** JSON Schemas for every file kind a user writes or reads, into `dir`; returns the files written. */
export function writeSchemas(dir: string): string[] {
  return exportSchemas(dir);
}
