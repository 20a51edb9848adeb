import type { RegressionCase } from '../case/schema.js';
import { parseArguments, type ToolCall } from '../trajectory/types.js';

/** Answers a tool call from the case's fixtures: the first `results` entry whose regexes all match, else `result`. */
export function answerToolCall(c: RegressionCase, call: ToolCall): string {
  const fixture = c.tools.find((t) => t.name === call.function.name);
  if (!fixture) return `error: unknown tool "${call.function.name}"`;
  const args = parseArguments(call);
  for (const r of fixture.results ?? []) {
    const hit = Object.entries(r.when).every(([name, re]) => {
      const v = args[name];
      return v !== undefined && new RegExp(re).test(typeof v === 'string' ? v : JSON.stringify(v));
    });
    if (hit) return asText(r.result);
  }
  return fixture.result === undefined
    ? `error: no fixture result for these arguments`
    : asText(fixture.result);
}

function asText(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}
