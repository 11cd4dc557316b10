import { z } from "zod";
import { defineJob } from "../../../jobs/define-job";
import { sweepPickups } from "./pickup-sweep";

/** Every minute: match newly ingested articles against press releases (release pickup). */
export const pickupSweepJob = defineJob({
  name: "monitoring.pickup-sweep",
  payload: z.object({}),
  cron: "* * * * *",
  handler: async (_payload, services) => {
    await sweepPickups(services.db);
  },
});
