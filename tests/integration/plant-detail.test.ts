import { describe, expect, it } from 'vitest';
import { getPlant } from '@/lib/db/get-plant';
import { setupTestDatabase } from '../support/database';

const t = setupTestDatabase({ seeded: true });

describe('getPlant: capacity history with superseded announcements', () => {
  it('keeps one line per announcement date: ACC Douvrin was 40 GWh for 2030, now 30', async () => {
    const plant = (await getPlant('acc-douvrin'))!;
    const { vintages, fromYear, toYear } = plant.capacityHistory;
    expect(vintages.map((v) => v.asOf)).toEqual(['2023-01-01', '2024-06-04']);
    const at = (i: number, year: number) => vintages[i]!.values.find((v) => v.year === year)!.gwh;
    expect([at(0, 2030), at(1, 2030)]).toEqual([40, 30]);
    expect([at(0, 2025), at(1, 2025)]).toEqual([13.4, 13.4]);
    expect(at(1, 2022)).toBe(0);
    expect(fromYear).toBeLessThanOrEqual(2020);
    expect(toYear).toBeGreaterThanOrEqual(2030);
    expect(plant.announcements.filter((a) => a.superseded).map((a) => [a.targetYear, a.gwhPerYear])).toEqual([[2030, 40]]);
  });

  it('has a line for every distinct announcement date of every plant, the last equal to today’s figures', async () => {
    const rows = await t.query<{ slug: string; dates: string[]; latest2030: string | null }>(`
      SELECT p.slug,
        ARRAY(SELECT DISTINCT to_char(a.announced_on, 'YYYY-MM-DD') FROM capacity_announcement a
              WHERE a.plant_id = p.id AND a.scope = 'milestone' ORDER BY 1) AS dates,
        (SELECT a.gwh_per_year::text FROM capacity_announcement a WHERE a.plant_id = p.id AND a.scope = 'milestone'
          AND a.target_year <= 2030 ORDER BY a.target_year DESC, a.announced_on DESC, a.id DESC LIMIT 1) AS latest2030
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
