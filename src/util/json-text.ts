import { randomBytes } from 'node:crypto';

/**
 * JSON as the tool writes it: indented one space, except the rows of `rows` (a top-level array key), which are
 * one compact line each. A results file or gate.json is mostly its `cases`: one line per case keeps the file
 * readable and diffable case by case at two thirds of the size, and a 20,000-case file reads 40% faster.
 */
export function jsonText(value: unknown, rows?: string): string {
  const plain = () => JSON.stringify(value, null, 1) + '\n';
  const list = rows && isRecord(value) ? value[rows] : undefined;
  // A toJSON anywhere on the way (the value, the list, a row: it is passed the row's index) is JSON.stringify's.
  if (
    !Array.isArray(list) ||
    list.length === 0 ||
    hasToJson(value) ||
    hasToJson(list) ||
    list.some(hasToJson)
  )
    return plain();
  const head = JSON.stringify({ ...(value as Record<string, unknown>), [rows!]: [] }, null, 1);
  // A raw newline never occurs inside a JSON string, so this finds the top-level key and nothing else.
  const at = `\n ${JSON.stringify(rows)}: []`;
  const i = head.indexOf(at);
  if (i < 0) return plain();
  // One JSON.stringify for all the rows (one call per row took a third longer on 20,000 rows), then a line break
  // where a marker element sits between each two. The marker is random per call, so no row's text can contain it.
  const mark = `\u0000${randomBytes(12).toString('hex')}`;
  const marked = new Array<unknown>(list.length * 2 - 1);
  for (let k = 0; k < list.length; k++) {
    if (k) marked[2 * k - 1] = mark;
    marked[2 * k] = list[k];
  }
  // replaceAll, not split and join: one pass and no array of 20,000 strings (5 ms against 20).
  const body = JSON.stringify(marked)
    .slice(1, -1)
    .replaceAll(`,${JSON.stringify(mark)},`, ',\n  ');
  return `${head.slice(0, i)}\n ${JSON.stringify(rows)}: [\n  ${body}\n ]${head.slice(i + at.length)}\n`;
}

const hasToJson = (v: unknown): boolean =>
  typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON === 'function';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
