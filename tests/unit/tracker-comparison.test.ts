import { describe, expect, it } from 'vitest';
import { comparisonAsOf, coverage, measureFor } from '@/lib/domain/tracker-comparison';

describe('measureFor', () => {
  it('maps capacity metrics to our measures and leaves the rest uncompared', () => {
    expect(measureFor('announced_2030')).toEqual({ kind: 'announced', year: 2030 });
    expect(measureFor('announced_2025')).toEqual({ kind: 'announced', year: 2025 });
    expect(measureFor('operational_now')).toEqual({ kind: 'operational', year: null });
    expect(measureFor('operational_2023')).toEqual({ kind: 'operational', year: 2023 });
    expect(measureFor('announced_pipeline')).toEqual({ kind: 'pipeline' });
    expect(measureFor('plants_counted')).toEqual({ kind: 'plants' });
    for (const m of ['at_risk_share_2030', 'demand_2030', 'target_2030', 'realistic_2030', 'announced_20300', 'plant_announced_2030']) {
      expect(measureFor(m), m).toBeNull();
    }
  });
});

describe('comparisonAsOf', () => {
  it('reads a past year’s operational figure at that year’s end, never after the tracker published it', () => {
    expect(comparisonAsOf({ kind: 'operational', year: 2023 }, '2025-01-31')).toBe('2023-12-31');
    expect(comparisonAsOf({ kind: 'operational', year: 2025 }, '2025-07-10')).toBe('2025-07-10');
    expect(comparisonAsOf({ kind: 'announced', year: 2030 }, '2023-03-06')).toBe('2023-03-06');
  });
});

describe('coverage', () => {
  it('is ours over theirs, to three decimals, and null for a non-positive reference', () => {
    expect(coverage(874, 1800)).toBe(0.486);
    expect(coverage(0, 0)).toBeNull();
    expect(coverage(5, -176)).toBeNull();
  });
});
