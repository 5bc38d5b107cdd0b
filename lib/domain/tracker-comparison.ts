// Which figure of ours answers another tracker's published figure. A tracker's metric names what
// it counts (announced_2030, operational_2023, plants_counted…); comparable metrics map to one of
// our measures, read as known on the day the tracker's figure became public. Shares, demand,
// targets and at-risk estimates have no counterpart in the plant data: they are listed, not compared.

export type OurMeasure =
  /** Capacity announced for `year` (every plant not cancelled), as known on the tracker's date. */
  | { kind: 'announced'; year: number }
  /** Nameplate capacity of the plants operational at the end of `year` (or on the tracker's date when `year` is null). */
  | { kind: 'operational'; year: number | null }
  /** Capacity still to come: every plant not cancelled at the largest figure it had announced (no target year). */
  | { kind: 'pipeline' }
  /** Cell plants known then, cancelled ones left out. */
  | { kind: 'plants' };

/** Our measure for a tracker metric, or null when the plant data holds no counterpart. */
export function measureFor(metric: string): OurMeasure | null {
  const announced = /^announced_(20\d\d)$/.exec(metric);
  if (announced) return { kind: 'announced', year: Number(announced[1]) };
  if (metric === 'operational_now') return { kind: 'operational', year: null };
  const operational = /^operational_(20\d\d)$/.exec(metric);
  if (operational) return { kind: 'operational', year: Number(operational[1]) };
  if (metric === 'announced_pipeline') return { kind: 'pipeline' };
  if (metric === 'plants_counted') return { kind: 'plants' };
  return null;
}

/** The as-of date our figure is read on: the tracker's date, or the end of the year it describes if that came first. */
export function comparisonAsOf(measure: OurMeasure, knownOn: string): string {
  if (measure.kind === 'operational' && measure.year !== null) {
    const end = `${measure.year}-12-31`;
    return end < knownOn ? end : knownOn;
  }
  return knownOn;
}

/** Ours as a share of theirs (0.48 = we count 48% of their figure); null when theirs is not positive. */
export function coverage(ours: number, theirs: number): number | null {
  return theirs > 0 ? Math.round((ours / theirs) * 1000) / 1000 : null;
}
