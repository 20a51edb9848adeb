import type { z } from 'zod';
import { readStructured } from '../input/document.js';
import { InputError, formatPath, problemsFromZod, type InputProblem } from '../input/errors.js';
import { displayPath } from '../input/sources.js';
import { checkConversation } from './conversation.js';
import { IncidentSchema, type Incident } from './schema.js';

export interface LoadedIncident {
  incident: Incident;
  file: string;
}

/** An incident file (YAML or JSON): every problem reported with its line, nothing half-loaded. */
export function loadIncident(path: string): LoadedIncident {
  const file = displayPath(path);
  const doc = readStructured(path);
  const parsed = IncidentSchema.safeParse(doc.data);
  if (!parsed.success) {
    throw new InputError(
      problemsFromZod(file, parsed.error as z.ZodError, doc.locate).map((p) => ({ ...p, file })),
    );
  }
  const problems: InputProblem[] = checkConversation(parsed.data.conversation).map((p) => {
    const at = ['conversation', ...p.path];
    return { file, path: formatPath(at), line: doc.locate(at), message: p.message };
  });
  if (problems.length) throw new InputError(problems);
  return { incident: parsed.data, file };
}
