/** Messages in OpenAI chat shape: the lingua franca every target adapter translates to and from. */
export interface ToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export type ChatMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string | null; tool_calls?: ToolCall[] }
  | { role: 'tool'; tool_call_id: string; content: string };

/** A transcript entry: a message and the scripted user turn (1-based) it belongs to. */
export type TranscriptEntry = ChatMessage & { turn: number };

export interface ToolDefinition {
  name: string;
  description?: string;
  parameters?: Record<string, unknown>;
}

export interface AgentResponse {
  content: string | null;
  tool_calls?: ToolCall[];
}

/** Parses tool-call arguments; a model's malformed JSON is kept as raw text rather than dropped. */
export function parseArguments(call: ToolCall): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(call.function.arguments || '{}');
    return v && typeof v === 'object' && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : { _raw: call.function.arguments };
  } catch {
    return { _raw: call.function.arguments };
  }
}
