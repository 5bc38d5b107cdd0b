import { describe, expect, it } from 'vitest';
import { getPlant } from '@/lib/db/get-plant';
import { setupTestDatabase } from '../support/database';

const t = setupTestDatabase({ seeded: true });

describe('getPlant: capacity history with superseded announcements', () => {
  it('keeps one line per date the figures changed: ACC Douvrin went 24 → 40 → 30 → 28 GWh for 2030', async () => {
    const plant = (await getPlant('acc-douvrin'))!;
    const { vintages, fromYear, toYear } = plant.capacityHistory;
    // Each line is dated the day its figures became public (a "March 2021" source: 31 March).
    expect(vintages.map((v) => v.asOf)).toEqual(['2021-03-31', '2021-04-30', '2022-03-31', '2023-05-31', '2024-06-04', '2026-02-28']);
    const at = (i: number, year: number) => vintages[i]!.values.find((v) => v.year === year)!.gwh;
    expect(vintages.map((_, i) => at(i, 2030))).toEqual([8, 24, 40, 40, 30, 28]);
    expect(vintages.map((_, i) => at(i, 2025))).toEqual([8, 8, 8, 13, 13, 13]);
    expect(at(5, 2022)).toBe(0);
    expect(fromYear).toBeLessThanOrEqual(2020);
    expect(toYear).toBeGreaterThanOrEqual(2030);
    expect(plant.announcements.filter((a) => a.superseded).map((a) => [a.targetYear, a.gwhPerYear]).sort())
      .toEqual([[2023, 8], [2030, 24], [2030, 30], [2030, 40], [2030, 40]].sort());
  });

  it('has a line for every distinct day a plant’s figures became public, the last equal to today’s figures', async () => {
    const rows = await t.query<{ slug: string; dates: string[]; latest2030: string | null }>(`
      SELECT p.slug,
        ARRAY(SELECT DISTINCT to_char(a.known_on, 'YYYY-MM-DD') FROM capacity_announcement a
              WHERE a.plant_id = p.id AND a.scope = 'milestone' AND a.deleted_at IS NULL ORDER BY 1) AS dates,
        (SELECT a.gwh_per_year::text FROM capacity_announcement a WHERE a.plant_id = p.id AND a.scope = 'milestone' AND a.deleted_at IS NULL
          AND a.target_year <= 2030 ORDER BY a.target_year DESC, a.announced_on DESC, a.known_on DESC, a.id DESC LIMIT 1) AS latest2030
      FROM plant p`);
    for (const row of rows) {
      const plant = (await getPlant(row.slug))!;
      expect(plant.capacityHistory.vintages.map((v) => v.asOf), row.slug).toEqual(row.dates);
      const last = plant.capacityHistory.vintages.at(-1);
      expect(last?.values.find((v) => v.year === 2030)?.gwh ?? 0, row.slug).toBe(row.latest2030 === null ? 0 : Number(row.latest2030));
    }
  });

  it('is null for an unknown plant', async () => {
    expect(await getPlant('no-such-plant')).toBeNull();
  });
});
