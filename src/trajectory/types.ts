import type { z } from 'zod';
import type { ChatMessageSchema, ToolCallSchema, TranscriptEntrySchema } from './schema.js';

/** Messages in OpenAI chat shape: the lingua franca every target adapter translates to and from. */
export type ToolCall = z.infer<typeof ToolCallSchema>;
export type ChatMessage = z.infer<typeof ChatMessageSchema>;

/** A transcript entry: a message and the scripted user turn (1-based) it belongs to. */
export type TranscriptEntry = z.infer<typeof TranscriptEntrySchema>;

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
