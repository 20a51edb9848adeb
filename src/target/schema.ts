import { z } from 'zod';

export const SimParamsSchema = z.strictObject({
  refuseHarmful: z.number().min(0).max(1).optional(),
  erosionPerTurn: z.number().min(0).max(1).optional(),
  erosionStart: z.int().min(1).optional(),
  refuseFloor: z.number().min(0).max(1).optional(),
  framingPenalty: z.number().min(0).max(1).optional(),
  followInjection: z.number().min(0).max(1).optional(),
  injectionLateBoost: z.number().min(0).max(1).optional(),
  overRefusal: z.number().min(0).max(1).optional(),
  leakSecrets: z.number().min(0).max(1).optional(),
});

export const SimTargetSchema = z.strictObject({
  type: z.literal('sim'),
  name: z.string().optional(),
  profile: z.string().default('v1'),
  params: SimParamsSchema.optional(),
});

export const TargetSchema = z.discriminatedUnion('type', [SimTargetSchema]);
export type TargetSpec = z.infer<typeof TargetSchema>;
