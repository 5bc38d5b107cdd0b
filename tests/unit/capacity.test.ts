import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_WEIGHTS, evEquivalent, latestLongTerm, plantCapacity, statusAsOf, stepCapacity, winningAnnouncement,
  type Announcement, type StatusEvent,
} from '@/lib/domain/capacity';
import { endOfPeriod } from '@/lib/domain/dates';

const a = (id: number, targetYear: number, gwhPerYear: number, announcedOn: string, knownOn = announcedOn): Announcement =>
  ({ id, targetYear, gwhPerYear, announcedOn, knownOn });
const s = (id: number, status: StatusEvent['status'], effectiveOn: string, knownOn = effectiveOn): StatusEvent => ({ id, status, effectiveOn, knownOn });

// ACC Douvrin's shape: 13.4 GWh from 2023; 40 GWh for 2030 announced 2021, cut to 30 in June 2024.
const acc = [a(1, 2023, 13.4, '2023-05-30'), a(2, 2030, 40, '2021-09-01'), a(3, 2030, 30, '2024-06-04')];

describe('stepCapacity', () => {
  it('is 0 before the first target year', () => {
    expect(stepCapacity(acc, 2022, '2026-01-01')).toBe(0);
  });
  it('holds a figure until the next target year', () => {
    expect(stepCapacity(acc, 2023, '2026-01-01')).toBe(13.4);
    expect(stepCapacity(acc, 2029, '2026-01-01')).toBe(13.4);
    expect(stepCapacity(acc, 2035, '2026-01-01')).toBe(30);
  });
  it('uses the latest announcement for a target year', () => {
    expect(stepCapacity(acc, 2030, '2026-01-01')).toBe(30);
  });
  it('sees only what was announced by the as-of date', () => {
    expect(stepCapacity(acc, 2030, '2024-06-03')).toBe(40);
    expect(stepCapacity(acc, 2030, '2022-01-01')).toBe(40);
    expect(stepCapacity(acc, 2023, '2022-01-01')).toBe(0);
    expect(stepCapacity(acc, 2030, '2021-08-31')).toBe(0);
  });
  it('breaks a same-day tie by the later row', () => {
    expect(stepCapacity([a(5, 2030, 10, '2024-01-01'), a(6, 2030, 12, '2024-01-01')], 2030, '2025-01-01')).toBe(12);
  });
  it('never exceeds the largest figure and is 0 with no figures (property)', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ targetYear: fc.integer({ min: 2000, max: 2060 }), gwhPerYear: fc.double({ min: 0, max: 500, noNaN: true }),
        day: fc.integer({ min: 0, max: 9000 }) }), { maxLength: 12 }),
      fc.integer({ min: 2000, max: 2060 }),
      (rows, year) => {
        const anns = rows.map((r, i) => a(i, r.targetYear, r.gwhPerYear, new Date(Date.UTC(2000, 0, 1 + r.day)).toISOString().slice(0, 10)));
        const v = stepCapacity(anns, year, '2030-01-01');
        const max = Math.max(0, ...anns.filter((x) => x.announcedOn <= '2030-01-01').map((x) => x.gwhPerYear));
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(max);
      },
    ));
  });
});

describe('statusAsOf', () => {
  const events = [s(1, 'announced', '2021-01-01'), s(2, 'under_construction', '2022-03-01'), s(3, 'operational', '2023-05-30')];
  it('picks the newest status known then', () => {
    expect(statusAsOf(events, '2022-12-31')?.status).toBe('under_construction');
    expect(statusAsOf(events, '2023-05-30')?.status).toBe('operational');
  });
  it('is null before the plant was known', () => {
    expect(statusAsOf(events, '2020-12-31')).toBeNull();
  });
});

describe('plantCapacity', () => {
  const operating = { announcements: acc, statusEvents: [s(1, 'announced', '2021-01-01'), s(2, 'operational', '2023-05-30')] };
  it('announced scenario follows the step function', () => {
    expect(plantCapacity(operating, 2030, '2026-01-01', 'announced')).toBe(30);
  });
  it('operational scenario holds the as-of year figure flat', () => {
    expect(plantCapacity(operating, 2030, '2026-01-01', 'operational')).toBe(13.4);
    expect(plantCapacity(operating, 2030, '2022-06-01', 'operational')).toBe(0);
  });
  it('risk-weighted scenario multiplies by the status weight', () => {
    const building = { announcements: acc, statusEvents: [s(1, 'under_construction', '2021-01-01')] };
    expect(plantCapacity(building, 2030, '2026-01-01', 'risk_weighted')).toBeCloseTo(30 * DEFAULT_WEIGHTS.under_construction);
    expect(plantCapacity(building, 2030, '2026-01-01', 'risk_weighted', { ...DEFAULT_WEIGHTS, under_construction: 0.5 })).toBe(15);
  });
  it('a cancelled plant counts 0 from its cancellation year on', () => {
    const cancelled = {
      announcements: [a(1, 2022, 2, '2021-01-01'), a(2, 2027, 30, '2021-01-01')],
      statusEvents: [s(1, 'announced', '2020-01-01'), s(2, 'cancelled', '2024-03-01')],
    };
    expect(plantCapacity(cancelled, 2023, '2026-01-01', 'announced')).toBe(2);
    expect(plantCapacity(cancelled, 2024, '2026-01-01', 'announced')).toBe(0);
    expect(plantCapacity(cancelled, 2030, '2026-01-01', 'risk_weighted')).toBe(0);
    // Before the cancellation was known, the plant still counted.
    expect(plantCapacity(cancelled, 2030, '2023-12-31', 'announced')).toBe(30);
  });
  it('a plant not yet known on the as-of date counts 0', () => {
    expect(plantCapacity(operating, 2030, '2020-01-01', 'announced')).toBe(0);
  });
});

describe('known versus effective', () => {
  it('a figure announced at an event counts only from the day it was published', () => {
    const anns = [a(1, 2030, 50, '2022-02-06', '2022-03-15')];
    expect(stepCapacity(anns, 2030, '2022-03-14')).toBe(0);
    expect(stepCapacity(anns, 2030, '2022-03-15')).toBe(50);
  });
  it('a stop in June reported in August changes the status only from August', () => {
    const events = [s(1, 'operational', '2021-12-01'), s(2, 'paused', '2025-06-30', '2025-08-20')];
    expect(statusAsOf(events, '2025-07-15')?.status).toBe('operational');
    expect(statusAsOf(events, '2025-08-20')).toMatchObject({ status: 'paused', effectiveOn: '2025-06-30' });
  });
  it('a step announced for the future is not in effect before its date', () => {
    const events = [s(1, 'operational', '2020-01-01'), s(2, 'cancelled', '2026-12-31', '2026-10-01')];
    expect(statusAsOf(events, '2026-11-01')?.status).toBe('operational');
    expect(statusAsOf(events, '2026-12-31')?.status).toBe('cancelled');
  });
  it('an older announcement found later does not override a newer one', () => {
    const anns = [a(1, 2030, 20, '2024-05-01'), a(2, 2030, 40, '2022-01-10', '2025-01-01')];
    expect(stepCapacity(anns, 2030, '2026-01-01')).toBe(20);
    expect(winningAnnouncement(anns, 2030, '2026-01-01')?.id).toBe(1);
  });
  it('a year-precision publication is known only from the end of that year', () => {
    expect(endOfPeriod('2023-01-01', 'year')).toBe('2023-12-31');
    expect(endOfPeriod('2024-02-01', 'month')).toBe('2024-02-29');
    expect(endOfPeriod('2025-06-30', 'day')).toBe('2025-06-30');
  });
});

describe('unknown is not zero', () => {
  const running = [s(1, 'operational', '2024-04-01')];
  it('a counted plant with no figure at all is not disclosed (null)', () => {
    expect(plantCapacity({ announcements: [], statusEvents: running }, 2026, '2026-06-01', 'operational')).toBeNull();
    expect(plantCapacity({ announcements: [], statusEvents: [s(1, 'announced', '2024-01-01')] }, 2030, '2026-06-01', 'announced')).toBeNull();
  });
  it('an operational plant whose first figure is later is not disclosed until then', () => {
    const plant = { announcements: [a(1, 2028, 30, '2024-05-14')], statusEvents: running };
    expect(plantCapacity(plant, 2026, '2026-06-01', 'announced')).toBeNull();
    expect(plantCapacity(plant, 2028, '2026-06-01', 'announced')).toBe(30);
    expect(plantCapacity(plant, 2023, '2026-06-01', 'announced')).toBe(0);
  });
  it('a plant before its first figure that is not operational is 0, not undisclosed', () => {
    const plant = { announcements: [a(1, 2027, 10, '2024-01-01')], statusEvents: [s(1, 'under_construction', '2024-01-01')] };
    expect(plantCapacity(plant, 2026, '2026-06-01', 'announced')).toBe(0);
  });
  it('a cancelled plant without figures counts 0, not undisclosed', () => {
    const plant = { announcements: [], statusEvents: [s(1, 'announced', '2021-01-01'), s(2, 'cancelled', '2023-02-01')] };
    expect(plantCapacity(plant, 2030, '2026-06-01', 'announced')).toBe(0);
  });
  it('with long-term plans on, an undated full build-out counts from 2030', () => {
    const longTerm = [{ id: 7, gwhPerYear: 30, announcedOn: '2024-07-01', knownOn: '2024-07-01' }];
    const plant = { announcements: [], statusEvents: [s(1, 'announced', '2022-06-03')], longTerm };
    expect(plantCapacity(plant, 2030, '2026-06-01', 'announced', DEFAULT_WEIGHTS, { longTerm: true })).toBe(30);
    expect(plantCapacity(plant, 2029, '2026-06-01', 'announced', DEFAULT_WEIGHTS, { longTerm: true })).toBeNull();
    expect(plantCapacity(plant, 2030, '2024-06-30', 'announced', DEFAULT_WEIGHTS, { longTerm: true })).toBeNull();
    expect(latestLongTerm(longTerm, '2024-06-30')).toBeNull();
  });
});

describe('evEquivalent', () => {
  it('matches the founding story: 16 GWh is about 270,000 cars at 59 kWh', () => {
    expect(evEquivalent(16, 59)).toBe(271_186);
  });
  it('rejects a non-positive pack size', () => {
    expect(() => evEquivalent(16, 0)).toThrow(RangeError);
  });
});
