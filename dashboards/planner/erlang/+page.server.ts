import type { PageServerLoad } from './$types';
import { loadConfig, serverSettings } from '$server/config.ts';

/** The calculator runs in the browser; the server only hands it the configured targets. */
export const load: PageServerLoad = () => {
  const { kpi, staffing } = loadConfig(serverSettings().configFile);
  return {
    defaults: {
      serviceLevel: kpi.targets.service_level,
      answerWithinSeconds: kpi.sl_answer_within_s,
      asaSeconds: kpi.targets.asa_s,
      maxOccupancy: staffing.max_occupancy,
      shrinkage: staffing.shrinkage,
    },
  };
};
