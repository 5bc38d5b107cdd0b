// The capacity rules, as pure functions. The SQL in lib/db/capacity-series.ts implements the
// same rules for aggregation; tests hold the two to the same answers.
import type { PlantStatus } from './plant-status';

export const SCENARIOS = ['announced', 'risk_weighted', 'operational'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export const SCENARIO_LABELS: Record<Scenario, string> = {
  announced: 'Announced (all but cancelled)',
  risk_weighted: 'Risk-weighted',
  operational: 'Operational only',
};

/** Probability that a plant's announced capacity materialises, by its current status. */
export type StatusWeights = Record<Exclude<PlantStatus, 'cancelled'>, number>;

/**
 * Editorial defaults, not a published model: every weight is shown on the methodology page
 * and can be changed by the reader (URL parameters), so nothing hangs on them silently.
 */
export const DEFAULT_WEIGHTS: StatusWeights = {
  operational: 1,
  under_construction: 0.75,
  announced: 0.35,
  paused: 0.25,
};

export interface Announcement {
  targetYear: number;
  gwhPerYear: number;
  /** ISO date the figure was published. */
  announcedOn: string;
  /** Tie-break between figures published on the same day: the later row wins. */
  id: number;
}

export interface StatusEvent {
  status: PlantStatus;
  effectiveOn: string;
  id: number;
}

/** The newest status known on `asOf`, or null when the plant was not yet known. */
export function statusAsOf(events: readonly StatusEvent[], asOf: string): StatusEvent | null {
  let best: StatusEvent | null = null;
  for (const e of events) {
    if (e.effectiveOn > asOf) continue;
    if (!best || e.effectiveOn > best.effectiveOn || (e.effectiveOn === best.effectiveOn && e.id > best.id)) best = e;
  }
  return best;
}

/**
 * Step function: the latest figure (as known on `asOf`) for the greatest target year <= year;
 * 0 before the first figure.
 */
export function stepCapacity(announcements: readonly Announcement[], year: number, asOf: string): number {
  let best: Announcement | null = null;
  for (const a of announcements) {
    if (a.announcedOn > asOf || a.targetYear > year) continue;
    if (
      !best ||
      a.targetYear > best.targetYear ||
      (a.targetYear === best.targetYear &&
        (a.announcedOn > best.announcedOn || (a.announcedOn === best.announcedOn && a.id > best.id)))
    ) {
      best = a;
    }
  }
  return best?.gwhPerYear ?? 0;
}

export function yearOf(isoDate: string): number {
  return Number(isoDate.slice(0, 4));
}

export interface PlantHistory {
  announcements: readonly Announcement[];
  statusEvents: readonly StatusEvent[];
}

/**
 * A plant's capacity in `year` under a scenario, as it stood on `asOf`.
 * - announced: the step value; a cancelled plant counts 0 from its cancellation year on.
 * - risk_weighted: the step value times the weight of the plant's status on `asOf`
 *   (a cancelled plant's years before cancellation count in full: they are history).
 * - operational: only plants operational on `asOf`, held flat after the as-of year
 *   (what exists now, with no expansion).
 */
export function plantCapacity(
  plant: PlantHistory,
  year: number,
  asOf: string,
  scenario: Scenario,
  weights: StatusWeights = DEFAULT_WEIGHTS,
): number {
  const status = statusAsOf(plant.statusEvents, asOf);
  if (!status) return 0;
  if (scenario === 'operational') {
    if (status.status !== 'operational') return 0;
    return stepCapacity(plant.announcements, Math.min(year, yearOf(asOf)), asOf);
  }
  const value = stepCapacity(plant.announcements, year, asOf);
  if (status.status === 'cancelled') return year < yearOf(status.effectiveOn) ? value : 0;
  return scenario === 'risk_weighted' ? value * weights[status.status] : value;
}

/** Battery-electric cars a year's cell output could equip, at `packKwh` per car. */
export function evEquivalent(gwhPerYear: number, packKwh: number): number {
  if (!(packKwh > 0)) throw new RangeError('pack size must be positive');
  return Math.round((gwhPerYear * 1_000_000) / packKwh);
}

export const DEFAULT_PACK_KWH = 59;
