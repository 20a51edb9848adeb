import type { z } from 'zod';
import type { ToolCallRuleSchema } from '../schema.js';
import { toolCallsIn, type TurnContext } from '../context.js';
import { parseArguments } from '../../trajectory/types.js';
import { excerpt } from '../detectors.js';

export function toolCallGrader(rule: z.infer<typeof ToolCallRuleSchema>) {
  const forbid = rule.forbid.map((f) => ({
    tool: new RegExp(`^(?:${f.tool})$`),
    args: Object.entries(f.args ?? {}).map(([name, re]) => [name, new RegExp(re, 'i')] as const),
  }));
  return (ctx: TurnContext): string | null => {
    for (const call of toolCallsIn(ctx.turnMessages)) {
      for (const f of forbid) {
        if (!f.tool.test(call.function.name)) continue;
        const args = parseArguments(call);
        const hit = f.args.every(([name, re]) => {
          const v = args[name];
          return v !== undefined && re.test(typeof v === 'string' ? v : JSON.stringify(v));
        });
        if (hit)
          return `forbidden call ${call.function.name}(${excerpt(call.function.arguments, undefined, 200)})`;
      }
    }
    return null;
  };
}
