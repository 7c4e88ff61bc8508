/**
 * A week's roster with its trainings: sessions reserved in the requirement, the roster built
 * (src/domain/roster), sessions and coaching placed while it is still open, then the
 * service-level cost of every placement by Erlang and by simulation.
 */
import { scheduledGrid } from '../roster/coverage.ts';
import { planRoster, type RosterOptions, type RosterResult } from '../roster/plan-roster.ts';
import type { RosterInput } from '../roster/problem.ts';
import type { TrainingSettings } from '../roster/settings.ts';
import { placementCosts, type CostSettings, type PlacementCost } from './cost.ts';
import { placeTrainings, type Coachee, type Placement } from './place.ts';
import { reserveSessions } from './sessions.ts';
import { prepareProblem } from '../roster/problem.ts';

export interface WeekPlan {
  roster: RosterResult;
  placements: Array<Placement & { cost: PlacementCost[] }>;
}

export async function planWeek(
  input: RosterInput,
  training: TrainingSettings,
  coachees: Coachee[],
  cost: CostSettings,
  options: Omit<RosterOptions, 'reserved' | 'reservations' | 'placeActivities'>,
): Promise<WeekPlan> {
  const { sessions, reserved } = reserveSessions(prepareProblem(input), training);
  const limited = coachees.slice(0, training.coaching.max_per_week);
  let placements: Placement[] = [];
  const roster = await planRoster(input, {
    ...options,
    reserved,
    reservations: sessions,
    placeActivities: (problem, assignments, scheduled) => {
      const window = {
        from: input.settings.opening.from,
        to: input.settings.opening.to,
        minutes: training.coaching.minutes,
      };
      const placed = placeTrainings(problem, assignments, scheduled, sessions, window, limited);
      placements = placed.placements;
      return placed.shortfalls;
    },
  });
  if (options.planOnly) return { roster, placements: [] };
  const scheduled = scheduledGrid(roster.problem, roster.assignments);
  return {
    roster,
    placements: placements.map((p) => ({
      ...p,
      cost: placementCosts(roster.problem, scheduled, p, { ...cost, replications: training.simulation_replications }),
    })),
  };
}
