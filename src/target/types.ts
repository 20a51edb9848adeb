import type { AgentResponse, ChatMessage, ToolDefinition } from '../trajectory/types.js';

export interface AgentRequest {
  messages: ChatMessage[];
  tools: ToolDefinition[];
  /** Identifies the conversation: seeds the simulated agents and keys caches; real agents ignore it. */
  key: { caseId: string; sample: number; seed: string };
}

/** The agent under test, behind one method, whatever it really is. */
export interface Target {
  readonly name: string;
  /** Stable hash of everything that determines the agent's behaviour (never of secrets). */
  readonly fingerprint: string;
  readonly simulated: boolean;
  respond(req: AgentRequest, signal?: AbortSignal): Promise<AgentResponse>;
  close?(): Promise<void>;
}

/** A target that answers through `respond` and is otherwise `base`: for wrappers (retries, cache). */
export function wrapTarget(base: Omit<Target, 'respond'>, respond: Target['respond']): Target {
  return {
    name: base.name,
    fingerprint: base.fingerprint,
    simulated: base.simulated,
    close: base.close,
    respond,
  };
}
