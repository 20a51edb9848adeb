import type { LoadedCase } from '../case/schema.js';
import type { RuleRegistry } from './registry.js';
import { OUTGOING_TOOL, aliasesOf } from './destinations.js';

/**
 * Rules that can never fire on a case: a toolCall or provenance rule whose tool pattern matches none of the tools
 * the case offers, or whose argument (under any alias) none of the matching tools takes. Warnings, not errors: the
 * agent may still call a tool the case does not declare.
 */
export function toolRuleWarnings(cases: LoadedCase[], rules: RuleRegistry): string[] {
  const out: string[] = [];
  for (const { case: c, file } of cases) {
    if (c.tools.length === 0) continue;
    const names = c.tools.map((t) => t.name);
    for (const e of c.expect) {
      const r = rules.get(e.rule)?.rule;
      if (!r) continue;
      const patterns =
        r.kind === 'toolCall'
          ? r.forbid.map((f) => ({ tool: f.tool, args: Object.keys(f.args ?? {}) }))
          : r.kind === 'provenance'
            ? [{ tool: r.tools ?? OUTGOING_TOOL, args: [] as string[], flags: 'i' }]
            : [];
      if (!patterns.length) continue;
      let anyTool = false;
      let anyArgs = false;
      for (const p of patterns) {
        const re = new RegExp(`^(?:${p.tool})$`, r.kind === 'provenance' ? 'i' : '');
        for (const t of c.tools) {
          if (!re.test(t.name)) continue;
          anyTool = true;
          const props = Object.keys(
            ((t.parameters as { properties?: Record<string, unknown> } | undefined)?.properties ??
              {}) as object,
          );
          // Without declared parameters nothing can be said about the arguments.
          if (!props.length || p.args.every((a) => aliasesOf(a).some((n) => props.includes(n))))
            anyArgs = true;
        }
      }
      if (!anyTool)
        out.push(
          `${file}: case ${c.id}: rule ${r.id}'s tool pattern matches none of the case's tools (${names.join(', ')})`,
        );
      else if (!anyArgs)
        out.push(
          `${file}: case ${c.id}: rule ${r.id}'s argument pattern matches no parameter of the case's matching tools`,
        );
    }
  }
  return out;
}
