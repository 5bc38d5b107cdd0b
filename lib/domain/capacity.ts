// The capacity rules as pure functions: the tests' oracle. The product computes every figure in
// PostgreSQL from the rule's one SQL definition (capacity_steps_known() in
// prisma/migrations/20261202174229_bitemporal/migration.sql, read by lib/db/capacity-sql.ts);
// differential tests hold the two to the same answers.
import { yearOf } from './dates';
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

/** The year the headline pipeline looks at ("announced for 2030"). */
export const TARGET_YEAR = 2030;

export interface Announcement {
  targetYear: number;
  gwhPerYear: number;
  /** ISO date the figure was announced. */
  announcedOn: string;
  /** ISO date it became public (its source's publication date or later). */
  knownOn: string;
  /** Tie-break between figures announced and known on the same day: the later row wins. */
  id: number;
}

/** A long-term ("full build-out") figure: no target year. */
export type LongTermFigure = Omit<Announcement, 'targetYear'>;

export interface StatusEvent {
  status: PlantStatus;
  effectiveOn: string;
  knownOn: string;
  id: number;
}

/**
 * The status on `asOf` as known on `asOf`: of the events both in effect and public by then, the one
 * that took effect last; null when the plant was not yet known.
 */
export function statusAsOf(events: readonly StatusEvent[], asOf: string): StatusEvent | null {
  let best: StatusEvent | null = null;
  for (const e of events) {
    if (e.effectiveOn > asOf || e.knownOn > asOf) continue;
    if (!best || e.effectiveOn > best.effectiveOn || (e.effectiveOn === best.effectiveOn && e.id > best.id)) best = e;
  }
  return best;
}

/** Orders two figures for the same target year: the later announced wins, then the later known, then the later row. */
function later<T extends Omit<Announcement, 'targetYear'>>(a: T, b: T): boolean {
  if (a.announcedOn !== b.announcedOn) return a.announcedOn > b.announcedOn;
  if (a.knownOn !== b.knownOn) return a.knownOn > b.knownOn;
  return a.id > b.id;
}

/**
 * The rule (its one SQL definition is capacity_steps_known() in the bitemporal migration; this is
 * the tests' oracle): of the figures known on `asOf`, the latest announced one for the greatest
 * target year <= `year`. Null before the plant's first figure.
 */
export function winningAnnouncement<T extends Announcement>(announcements: readonly T[], year: number, asOf: string): T | null {
  let best: T | null = null;
  for (const a of announcements) {
    if (a.knownOn > asOf || a.targetYear > year) continue;
    if (!best || a.targetYear > best.targetYear || (a.targetYear === best.targetYear && later(a, best))) best = a;
  }
  return best;
}

/** The step value: the winning figure's GWh/yr, 0 before the first figure. */
export function stepCapacity(announcements: readonly Announcement[], year: number, asOf: string): number {
  return winningAnnouncement(announcements, year, asOf)?.gwhPerYear ?? 0;
}

/** The latest long-term figure known on `asOf`, if any. */
export function latestLongTerm<T extends LongTermFigure>(figures: readonly T[], asOf: string): T | null {
  let best: T | null = null;
  for (const f of figures) if (f.knownOn <= asOf && (!best || later(f, best))) best = f;
  return best;
}

export { yearOf } from './dates';

export interface PlantHistory {
  announcements: readonly Announcement[];
  statusEvents: readonly StatusEvent[];
  longTerm?: readonly LongTermFigure[];
}

/** The share of a plant's figure a scenario counts in `year`, given its status on the as-of date. */
export function scenarioFactor(status: StatusEvent, year: number, scenario: Scenario, weights: StatusWeights): number {
  if (scenario === 'operational') return status.status === 'operational' ? 1 : 0;
  if (status.status === 'cancelled') return year < yearOf(status.effectiveOn) ? 1 : 0;
  return scenario === 'risk_weighted' ? weights[status.status] : 1;
}

/**
 * A plant's capacity in `year` under a scenario, as it stood on `asOf`:
 * - announced: the step value; a cancelled plant counts 0 from its cancellation year on.
 * - risk_weighted: the step value times the weight of the plant's status on `asOf`
 *   (a cancelled plant's years before cancellation count in full: they are history).
 * - operational: only plants operational on `asOf`, held flat after the as-of year
 *   (what exists now, with no expansion).
 * Null where the plant counts but its figure is not disclosed: it has no figure known on `asOf`
 * at all, or it is operational and its first figure is for a later year. With `longTerm`, such a
 * year from TARGET_YEAR on takes the plant's latest long-term figure, if it has one.
 */
export function plantCapacity(
  plant: PlantHistory,
  year: number,
  asOf: string,
  scenario: Scenario,
  weights: StatusWeights = DEFAULT_WEIGHTS,
  options: { longTerm?: boolean } = {},
): number | null {
  const status = statusAsOf(plant.statusEvents, asOf);
  if (!status) return 0;
  const factor = scenarioFactor(status, year, scenario, weights);
  if (factor === 0) return 0;
  const lookup = scenario === 'operational' ? Math.min(year, yearOf(asOf)) : year;
  const win = winningAnnouncement(plant.announcements, lookup, asOf);
  if (win) return win.gwhPerYear * factor;
  const anyKnown = plant.announcements.some((a) => a.knownOn <= asOf);
  const undisclosed = !anyKnown || (status.status === 'operational' && lookup >= yearOf(status.effectiveOn));
  if (!undisclosed) return 0;
  if (options.longTerm && year >= TARGET_YEAR) {
    const lt = latestLongTerm(plant.longTerm ?? [], asOf);
    return lt ? lt.gwhPerYear * factor : null;
  }
  return null;
}

/** Battery-electric cars a year's cell output could equip, at `packKwh` per car. */
export function evEquivalent(gwhPerYear: number, packKwh: number): number {
  if (!(packKwh > 0)) throw new RangeError('pack size must be positive');
  return Math.round((gwhPerYear * 1_000_000) / packKwh);
}

export const DEFAULT_PACK_KWH = 59;
