/** Liveness and readiness answers. */
import { z } from 'zod';

export const HealthSchema = z.object({ status: z.literal('ok'), engineVersion: z.string() });
export const ReadySchema = z.object({ status: z.literal('ready'), store: z.string() });
