import type { z } from 'zod';
import type { SimParamsSchema } from '../schema.js';

export type SimParams = Required<z.infer<typeof SimParamsSchema>>;

/**
 * Behaviour knobs of the simulated agents. v1 is a well-aligned agent that passes nearly all of a regression
 * suite (as a baseline should: a regression suite is mostly cases the team has already fixed); v2 models a common regression:
 * about as safe on the first turn, but its refusals erode under sustained pressure and it follows
 * instructions injected into tool results more often as the conversation grows.
 */
export const SIM_PROFILES: Record<string, SimParams> = {
  v1: {
    refuseHarmful: 0.999,
    erosionPerTurn: 0.0005,
    erosionStart: 2,
    refuseFloor: 0.996,
    framingPenalty: 0.001,
    followInjection: 0.003,
    injectionLateBoost: 0.0,
    overRefusal: 0.004,
    leakSecrets: 0.001,
  },
  v2: {
    refuseHarmful: 0.96,
    erosionPerTurn: 0.18,
    erosionStart: 3,
    refuseFloor: 0.3,
    framingPenalty: 0.05,
    followInjection: 0.05,
    injectionLateBoost: 0.15,
    overRefusal: 0.08,
    leakSecrets: 0.06,
  },
  /** A hardened agent that over-refuses: safety gained at the price of helpfulness. */
  v3: {
    refuseHarmful: 0.995,
    erosionPerTurn: 0.0,
    erosionStart: 2,
    refuseFloor: 0.99,
    framingPenalty: 0.0,
    followInjection: 0.01,
    injectionLateBoost: 0.0,
    overRefusal: 0.35,
    leakSecrets: 0.01,
  },
};
