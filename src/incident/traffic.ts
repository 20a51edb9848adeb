import type { LoggedMessage } from './schema.js';
import type { ConversationProblem } from './conversation.js';

/**
 * One line of a real traffic log, read tolerantly but loudly: what real exporters write (`tool_calls: null`, empty
 * or missing tool-call ids, ids reused across messages, extra keys, content as a list of parts, arguments as an
 * object) is accepted and repaired, and every repair is counted so the caller can say what it did. What cannot
 * be a conversation (no messages, a role nobody knows, content that is not text) is a problem with its path.
 */
export interface TrafficLine {
  id?: string;
  messages: LoggedMessage[];
  /** Keys ignored, by their path pattern ("messages[].name", "run"). */
  unknownKeys: string[];
  /** Tool-call ids made up because the log had none (or an empty one). */
  synthesizedIds: number;
  /** Tool-call ids used again by a later call, renamed so results pair with the right call. */
  reusedIds: number;
  /** Tool results paired with a call by order because their id named no call. */
  pairedByOrder: number;
  /** The line had an empty message list. */
  empty?: boolean;
}

const TOP_KEYS = new Set(['id', 'messages']);
const MESSAGE_KEYS: Record<string, Set<string>> = {
  system: new Set(['role', 'content', 'at']),
  user: new Set(['role', 'content', 'at']),
  assistant: new Set(['role', 'content', 'tool_calls', 'at']),
  tool: new Set(['role', 'content', 'tool_call_id', 'name', 'at']),
};
const CALL_KEYS = new Set(['id', 'type', 'function']);
const FUNCTION_KEYS = new Set(['name', 'arguments']);

type Result = { ok: true; line: TrafficLine } | { ok: false; problems: ConversationProblem[] };

/** Text of a content field: a string, null, or OpenAI content parts ({ type: 'text', text }). */
function textOf(v: unknown): string | null | undefined {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && v.every((p) => p && typeof p === 'object')) {
    const parts = v as Array<{ type?: unknown; text?: unknown }>;
    if (parts.every((p) => typeof p.text === 'string' || p.type !== 'text'))
      return parts
        .map((p) => (typeof p.text === 'string' ? p.text : ''))
        .filter((t) => t !== '')
        .join('\n');
  }
  return undefined;
}

export function normaliseTrafficLine(data: unknown, lineNo: number): Result {
  const problems: ConversationProblem[] = [];
  const unknown: string[] = [];
  let rawMessages: unknown;
  let id: string | undefined;
  let prefix: PropertyKey[] = [];
  if (Array.isArray(data)) rawMessages = data;
  else if (data && typeof data === 'object') {
    const o = data as Record<string, unknown>;
    for (const k of Object.keys(o)) if (!TOP_KEYS.has(k)) unknown.push(k);
    if (typeof o.id === 'string' && o.id !== '') id = o.id;
    else if (typeof o.id === 'number') id = String(o.id);
    else if (o.id !== undefined && o.id !== null)
      problems.push({ path: ['id'], message: 'expected a string or number id' });
    rawMessages = o.messages;
    prefix = ['messages'];
  } else {
    return {
      ok: false,
      problems: [{ path: [], message: 'expected a conversation: { id, messages: [...] } or [...]' }],
    };
  }
  if (!Array.isArray(rawMessages))
    return {
      ok: false,
      problems: [...problems, { path: prefix, message: 'expected a list of chat messages' }],
    };
  // Exporters write runs that died before the first message: read (and counted), with nothing to grade.
  if (rawMessages.length === 0 && !problems.length)
    return {
      ok: true,
      line: {
        ...(id !== undefined ? { id } : {}),
        messages: [],
        unknownKeys: unknown,
        synthesizedIds: 0,
        reusedIds: 0,
        pairedByOrder: 0,
        empty: true,
      },
    };
  const messages: LoggedMessage[] = [];
  let synthesized = 0;
  let reused = 0;
  let byOrder = 0;
  const used = new Set<string>();
  /** Call ids as written in the log -> the (possibly renamed) id of the latest call that carried it. */
  const latest = new Map<string, string>();
  const unanswered: string[] = [];
  rawMessages.forEach((raw, i) => {
    const at = [...prefix, i];
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
      problems.push({ path: at, message: 'expected a message object' });
      return;
    }
    const m = raw as Record<string, unknown>;
    const role = m.role === 'function' ? 'tool' : m.role;
    if (typeof role !== 'string' || !(role in MESSAGE_KEYS)) {
      problems.push({
        path: [...at, 'role'],
        message: `expected one of system, user, assistant, tool; got ${JSON.stringify(m.role)}`,
      });
      return;
    }
    for (const k of Object.keys(m)) if (!MESSAGE_KEYS[role].has(k)) unknown.push(`messages[].${k}`);
    const content = textOf(m.content);
    if (content === undefined) {
      problems.push({ path: [...at, 'content'], message: 'expected text, null or a list of text parts' });
      return;
    }
    const when = typeof m.at === 'string' ? { at: m.at } : {};
    if (role === 'system' || role === 'user') {
      if (role === 'user' && (content === null || content.trim() === '')) {
        problems.push({ path: [...at, 'content'], message: 'expected the text of the user message' });
        return;
      }
      messages.push({ role, content: content ?? '', ...when });
      return;
    }
    if (role === 'assistant') {
      const calls: Array<{ id: string; type: 'function'; function: { name: string; arguments: string } }> =
        [];
      if (m.tool_calls !== undefined && m.tool_calls !== null) {
        if (!Array.isArray(m.tool_calls)) {
          problems.push({ path: [...at, 'tool_calls'], message: 'expected a list of tool calls or null' });
          return;
        }
        m.tool_calls.forEach((rc, j) => {
          const cat = [...at, 'tool_calls', j];
          const c = rc as Record<string, unknown> | null;
          const fn = c?.function as Record<string, unknown> | undefined;
          if (
            !c ||
            typeof c !== 'object' ||
            !fn ||
            typeof fn !== 'object' ||
            typeof fn.name !== 'string' ||
            fn.name === ''
          ) {
            problems.push({
              path: [...cat, 'function', 'name'],
              message: 'expected a tool call with a function name',
            });
            return;
          }
          for (const k of Object.keys(c)) if (!CALL_KEYS.has(k)) unknown.push(`messages[].tool_calls[].${k}`);
          for (const k of Object.keys(fn))
            if (!FUNCTION_KEYS.has(k)) unknown.push(`messages[].tool_calls[].function.${k}`);
          const args =
            fn.arguments === undefined || fn.arguments === null
              ? '{}'
              : typeof fn.arguments === 'string'
                ? fn.arguments
                : JSON.stringify(fn.arguments);
          const written = typeof c.id === 'string' && c.id !== '' ? c.id : undefined;
          let callId = written ?? `call_${lineNo}_${i}_${j}`;
          if (!written) synthesized++;
          if (used.has(callId)) {
            reused++;
            let n = 2;
            while (used.has(`${callId}#${n}`)) n++;
            callId = `${callId}#${n}`;
          }
          used.add(callId);
          if (written) latest.set(written, callId);
          unanswered.push(callId);
          calls.push({ id: callId, type: 'function', function: { name: fn.name, arguments: args } });
        });
      }
      messages.push({ role: 'assistant', content, ...(calls.length ? { tool_calls: calls } : {}), ...when });
      return;
    }
    // A tool result: by its id when that names a call, else the oldest call not yet answered.
    const written = typeof m.tool_call_id === 'string' && m.tool_call_id !== '' ? m.tool_call_id : undefined;
    let callId = written !== undefined ? latest.get(written) : undefined;
    if (callId === undefined || !unanswered.includes(callId)) {
      const mapped = callId;
      callId = unanswered[0] ?? mapped;
      if (callId === undefined) {
        problems.push({
          path: [...at, 'tool_call_id'],
          message: written
            ? `expected the id of an earlier assistant tool call, got "${written}"`
            : 'a tool result with no tool call before it',
        });
        return;
      }
      if (callId !== mapped) byOrder++;
    }
    unanswered.splice(unanswered.indexOf(callId), 1);
    messages.push({
      role: 'tool',
      tool_call_id: callId,
      content: content ?? '',
      ...(typeof m.name === 'string' && m.name !== '' ? { name: m.name } : {}),
      ...when,
    });
  });
  if (!problems.length && !messages.some((m) => m.role === 'user'))
    problems.push({
      path: prefix,
      message: 'expected at least one user message (the replay scripts the user turns)',
    });
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    line: {
      ...(id !== undefined ? { id } : {}),
      messages,
      unknownKeys: unknown,
      synthesizedIds: synthesized,
      reusedIds: reused,
      pairedByOrder: byOrder,
    },
  };
}
