import type { z } from "zod";
import type { Services } from "../services";

/** A background job as data: its name, payload schema, retry policy and optional cron. */
export interface JobDefinition<P extends z.ZodType = z.ZodType> {
  name: string;
  payload: P;
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  /** A cron expression (5 fields, or 6 with seconds); the job then runs on schedule with `{}`. */
  cron?: string;
  /**
   * pg-boss queue policy. "exclusive" with a singletonKey on enqueue keeps at most one job per
   * key queued, retrying or active (e.g. one publish job per publication).
   */
  policy?: "standard" | "exclusive";
  /** How many jobs of one fetched batch run side by side in a worker (I/O-bound jobs). */
  concurrency?: number;
  handler: (payload: z.infer<P>, services: Services) => Promise<void>;
}

export function defineJob<P extends z.ZodType>(def: JobDefinition<P>): JobDefinition<P> {
  return def;
}
