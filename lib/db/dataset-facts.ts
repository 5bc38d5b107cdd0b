import 'server-only';
import { db } from './client';

export interface DatasetFacts {
  plants: number;
  countries: number;
  contracts: number;
  sources: number;
  announcements: number;
  /** The newest date a fact became public ("data current to"). */
  latestFact: string | null;
  /** When any row was last written. */
  lastUpdated: string | null;
  confidence: Record<string, number>;
  /** Sources by tier (primary, major, trade, weak). */
  sourcesByTier: Record<string, number>;
}

export async function getDatasetFacts(): Promise<DatasetFacts> {
  const [row] = await db().$queryRaw<{
    plants: number; countries: number; contracts: number; sources: number; announcements: number;
    latest_fact: string | null; last_updated: string | null; high: number; medium: number; low: number; by_tier: Record<string, number> | null;
  }[]>`
    SELECT
      (SELECT COUNT(*)::int FROM plant WHERE deleted_at IS NULL) AS plants,
      (SELECT COUNT(DISTINCT country_id)::int FROM plant WHERE deleted_at IS NULL) AS countries,
      (SELECT COUNT(*)::int FROM contract WHERE deleted_at IS NULL) AS contracts,
      (SELECT COUNT(*)::int FROM source WHERE deleted_at IS NULL) AS sources,
      (SELECT COUNT(*)::int FROM capacity_announcement WHERE deleted_at IS NULL) AS announcements,
      to_char(GREATEST(
        (SELECT MAX(known_on) FROM capacity_announcement WHERE deleted_at IS NULL AND known_on <= CURRENT_DATE),
        (SELECT MAX(known_on) FROM plant_status_event WHERE deleted_at IS NULL AND known_on <= CURRENT_DATE),
        (SELECT MAX(known_on) FROM plant_operator WHERE deleted_at IS NULL AND known_on <= CURRENT_DATE),
        (SELECT MAX(known_on) FROM contract_event WHERE deleted_at IS NULL AND known_on <= CURRENT_DATE)), 'YYYY-MM-DD') AS latest_fact,
      (SELECT jsonb_object_agg(tier, n) FROM (SELECT tier::text, COUNT(*)::int AS n FROM source WHERE deleted_at IS NULL GROUP BY tier) t) AS by_tier,
      to_char(GREATEST(
        (SELECT MAX(updated_at) FROM plant), (SELECT MAX(updated_at) FROM contract),
        (SELECT MAX(created_at) FROM capacity_announcement)) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS last_updated,
      (SELECT COUNT(*)::int FROM plant WHERE deleted_at IS NULL AND confidence = 'high') AS high,
      (SELECT COUNT(*)::int FROM plant WHERE deleted_at IS NULL AND confidence = 'medium') AS medium,
      (SELECT COUNT(*)::int FROM plant WHERE deleted_at IS NULL AND confidence = 'low') AS low`;
  return {
    plants: row!.plants, countries: row!.countries, contracts: row!.contracts, sources: row!.sources,
    announcements: row!.announcements, latestFact: row!.latest_fact, lastUpdated: row!.last_updated,
    confidence: { high: row!.high, medium: row!.medium, low: row!.low },
    sourcesByTier: row!.by_tier ?? {},
  };
}
