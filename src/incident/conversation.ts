import type { RegressionCase, ToolFixture } from '../case/schema.js';
import type { Category, Severity } from '../case/taxonomy.js';
import type { ExpectSchema } from '../case/schema.js';
import type { z } from 'zod';
import { parseArguments, type TranscriptEntry } from '../trajectory/types.js';
import type { LoggedMessage } from './schema.js';

/** A problem inside one conversation, as a path relative to its message list. */
export interface ConversationProblem {
  path: PropertyKey[];
  message: string;
}

/** What a schema cannot say: tool results answer a call made earlier, and call ids are not reused. */
export function checkConversation(msgs: LoggedMessage[]): ConversationProblem[] {
  const problems: ConversationProblem[] = [];
  const calls = new Set<string>();
  msgs.forEach((m, i) => {
    if (m.role === 'assistant') {
      m.tool_calls?.forEach((tc, j) => {
        if (calls.has(tc.id))
          problems.push({
            path: [i, 'tool_calls', j, 'id'],
            message: `tool call id "${tc.id}" is used twice`,
          });
        calls.add(tc.id);
      });
    } else if (m.role === 'tool' && !calls.has(m.tool_call_id)) {
      problems.push({
        path: [i, 'tool_call_id'],
        message: `expected the id of an earlier assistant tool call, got "${m.tool_call_id}"`,
      });
    }
  });
  return problems;
}

/** Chat messages numbered by scripted turn, as the runner records them: turn n starts at the n-th user message. */
export function toTranscript(msgs: LoggedMessage[]): TranscriptEntry[] {
  let turn = 0;
  return msgs.map((m): TranscriptEntry => {
    switch (m.role) {
      case 'system':
        return { role: 'system', content: m.content, turn };
      case 'user':
        return { role: 'user', content: m.content, turn: ++turn };
      case 'assistant':
        return {
          role: 'assistant',
          content: m.content,
          ...(m.tool_calls?.length
            ? {
                tool_calls: m.tool_calls.map((tc) => ({
                  id: tc.id,
                  type: 'function' as const,
                  function: { name: tc.function.name, arguments: tc.function.arguments },
                })),
              }
            : {}),
          turn,
        };
      case 'tool':
        return { role: 'tool', tool_call_id: m.tool_call_id, content: m.content, turn };
    }
  });
}

export interface CaseMeta {
  id: string;
  title: string;
  category: Category;
  severity: Severity;
  tags: string[];
  expect: Array<z.infer<typeof ExpectSchema>>;
  /** Tool definitions offered to the agent (names only seen in calls are added). */
  tools?: Array<{ name: string; description?: string; parameters?: Record<string, unknown> }>;
  /** The tool result the failure traces to: the fallback answer of its tool, so a replay meets it again. */
  preferResult?: { tool: string; content: string };
  /** Said when a tool was offered but never answered in the log. */
  source: string;
}

/**
 * A logged conversation as a regression case: its user messages become the scripted turns, the tool results
 * as they happened become fixtures, chosen by the arguments they were called with.
 */
export function conversationCase(transcript: TranscriptEntry[], meta: CaseMeta): RegressionCase {
  const system = transcript
    .filter((m) => m.role === 'system')
    .map((m) => m.content)
    .join('\n\n');
  const turns = transcript.filter((m) => m.role === 'user').map((m) => ({ user: m.content }));
  const observed = new Map<string, Array<{ args: Record<string, unknown>; result: string }>>();
  const byId = new Map<string, { name: string; args: Record<string, unknown> }>();
  for (const m of transcript) {
    if (m.role === 'assistant')
      for (const tc of m.tool_calls ?? []) {
        byId.set(tc.id, { name: tc.function.name, args: parseArguments(tc) });
        if (!observed.has(tc.function.name)) observed.set(tc.function.name, []);
      }
    if (m.role === 'tool') {
      const call = byId.get(m.tool_call_id);
      if (call) observed.get(call.name)!.push({ args: call.args, result: m.content });
    }
  }
  const defs = new Map((meta.tools ?? []).map((t) => [t.name, t]));
  for (const name of observed.keys()) if (!defs.has(name)) defs.set(name, { name });
  const tools: ToolFixture[] = [...defs.values()].map((d) => fixture(d, observed.get(d.name) ?? [], meta));
  return {
    id: meta.id,
    title: meta.title,
    category: meta.category,
    severity: meta.severity,
    tags: meta.tags,
    ...(system ? { system } : {}),
    canaries: [],
    tools,
    turns,
    expect: meta.expect,
  };
}

function fixture(
  d: { name: string; description?: string; parameters?: Record<string, unknown> },
  seen: Array<{ args: Record<string, unknown>; result: string }>,
  meta: CaseMeta,
): ToolFixture {
  const base: ToolFixture = {
    name: d.name,
    ...(d.description ? { description: d.description } : {}),
    ...(d.parameters ? { parameters: d.parameters } : { parameters: inferParameters(seen) }),
  };
  if (seen.length === 0)
    return { ...base, result: `error: no result for ${d.name} was recorded in ${meta.source}` };
  const distinct = [...new Set(seen.map((s) => s.result))];
  const preferred =
    meta.preferResult?.tool === d.name && distinct.includes(meta.preferResult.content)
      ? meta.preferResult.content
      : seen[0].result;
  if (distinct.length === 1) return { ...base, result: distinct[0] };
  // Each answer is keyed by the string arguments it was called with; any other call gets the preferred one.
  const results = seen
    .filter((s, i) => seen.findIndex((o) => o.result === s.result) === i)
    .map((s) => ({ when: exactArgs(s.args), result: s.result }))
    .filter((r) => Object.keys(r.when).length > 0);
  return { ...base, ...(results.length ? { results } : {}), result: preferred };
}

function exactArgs(args: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(args)) {
    if (k === '_raw') continue;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
      out[k] = `^${String(v).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;
  }
  return out;
}

/** A JSON Schema good enough for a model to call the tool again: the argument names seen, typed as seen. */
function inferParameters(seen: Array<{ args: Record<string, unknown> }>): Record<string, unknown> {
  const properties: Record<string, { type: string }> = {};
  for (const s of seen)
    for (const [k, v] of Object.entries(s.args)) {
      if (k === '_raw' || properties[k]) continue;
      properties[k] = {
        type: Array.isArray(v)
          ? 'array'
          : v === null
            ? 'string'
            : typeof v === 'object'
              ? 'object'
              : typeof v,
      };
    }
  return { type: 'object', properties };
}
