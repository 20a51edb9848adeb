import { z } from 'zod';
import { openObject } from '../input/json.js';

/** Messages in OpenAI chat shape: the lingua franca every target adapter translates to and from. */
export const ToolCallSchema = openObject({
  id: z.string(),
  type: z.literal('function'),
  function: openObject({ name: z.string(), arguments: z.string() }),
});

const System = { role: z.literal('system'), content: z.string() };
const User = { role: z.literal('user'), content: z.string() };
const Assistant = {
  role: z.literal('assistant'),
  content: z.string().nullable(),
  tool_calls: z.array(ToolCallSchema).optional(),
};
const Tool = { role: z.literal('tool'), tool_call_id: z.string(), content: z.string() };

export const ChatMessageSchema = z.discriminatedUnion('role', [
  openObject(System),
  openObject(User),
  openObject(Assistant),
  openObject(Tool),
]);

/** The scripted user turn (1-based; 0 before the first user message) a message belongs to. */
const turn = z.int().min(0);

/** A transcript entry: a message and the scripted user turn it belongs to (replay.json, stress files). */
export const TranscriptEntrySchema = z.discriminatedUnion('role', [
  openObject({ ...System, turn }),
  openObject({ ...User, turn }),
  openObject({ ...Assistant, turn }),
  openObject({ ...Tool, turn }),
]);
