import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { InputError, type InputProblem } from './errors.js';

/** A parsed YAML or JSON file that can say on which line a path starts. */
export interface StructuredFile {
  file: string;
  data: unknown;
  locate(path: ReadonlyArray<PropertyKey>): number | undefined;
}

export function parseStructured(file: string, text: string): StructuredFile {
  const lineCounter = new LineCounter();
  // YAML 1.2 is a superset of JSON, so one parser gives line numbers for both.
  const doc: Document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    // Later parse errors are usually knock-on effects of the first: report that one, where it is.
    const e = doc.errors[0];
    throw new InputError([
      {
        file,
        path: '',
        line: e.linePos?.[0]?.line,
        message: `not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
      },
    ]);
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  return {
    file,
    data,
    locate(path) {
      for (let n = path.length; n >= 0; n--) {
        const node = doc.getIn(path.slice(0, n) as unknown[], true);
        if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
      }
      return undefined;
    },
  };
}

export function readStructured(file: string): StructuredFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw InputError.one(file, '', `cannot read file: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  return parseStructured(file, text);
}

/**
 * readStructured for loaders that collect every problem: a file that cannot be read or parsed adds its problems
 * (named as `label`) and yields undefined, so loading goes on with the other files.
 */
export function readCollecting(
  file: string,
  label: string,
  problems: InputProblem[],
): StructuredFile | undefined {
  try {
    return readStructured(file);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    problems.push(...e.problems.map((p) => ({ ...p, file: label })));
    return undefined;
  }
}
