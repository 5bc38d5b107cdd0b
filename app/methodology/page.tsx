import type { Metadata } from 'next';
import Link from 'next/link';
import { getCapacityTotal } from '@/lib/db/capacity-series';
import { getDatasetFacts } from '@/lib/db/dataset-facts';
import { getRegion, listRegionClaims } from '@/lib/db/regions';
import { todayIso } from '@/lib/validation/capacity';
import { DEFAULT_PACK_KWH, DEFAULT_WEIGHTS, SCENARIO_LABELS } from '@/lib/domain/capacity';
import { PLANT_STATUSES, STATUS_DEFINITIONS, STATUS_LABELS } from '@/lib/domain/plant-status';
import { formatDate, formatGwh } from '@/lib/format';

export const metadata: Metadata = { title: 'Methodology' };
export const dynamic = 'force-dynamic';

export default async function MethodologyPage() {
  const [facts, hdf] = await Promise.all([getDatasetFacts(), getRegion('hauts-de-france')]);
  const [hdfClaims, hdfPlants2030] = hdf
    ? await Promise.all([
        listRegionClaims(hdf.id),
        getCapacityTotal({ scenario: 'announced', asOf: todayIso(), weights: DEFAULT_WEIGHTS, regionPath: hdf.path }, 2030),
      ])
    : [[], 0];
  const hdfClaim = hdfClaims.find((c) => c.targetYear === 2030);
  return (
    <article className="prose">
      <h1>Methodology</h1>
      <p className="lede">
        How Voltrack counts Europe’s battery-cell capacity: what a figure means, how a plant’s capacity in a year is
        derived from dated announcements, and how the scenarios weigh what is not yet built.
      </p>

      <h2 id="capacity">Capacity of a plant in a year</h2>
      <p>
        Capacity is <strong>nameplate cell capacity in GWh per year</strong>, as announced by the operator or reported by
        the press — not actual output. Each figure is stored as a dated <em>announcement</em> for a target year, with its
        source. Announcements are never overwritten: a revised figure is a new row, and the old one stays visible as
        superseded.
      </p>
      <ol>
        <li>A plant’s capacity in year <var>Y</var> is its <strong>latest announced figure for the greatest target year
          ≤ <var>Y</var></strong> — a step function. Before its first target year it is 0.</li>
        <li>A cancelled plant counts 0 from the year of its cancellation on; its earlier years are history and stay.</li>
        <li><strong>As-of date</strong>: every figure can be viewed as it stood on a past date <var>D</var>, using only the
          announcements and status changes dated on or before <var>D</var>.</li>
        <li>Long-term “expandable to” figures with no firm year are shown on plant pages but do not enter yearly totals.</li>
        <li>Module- and pack-only sites are listed but not counted in cell capacity.</li>
      </ol>

      <h2 id="scenarios">Scenarios</h2>
      <dl>
        <dt>{SCENARIO_LABELS.announced}</dt>
        <dd>Every plant that is not cancelled, at its announced figures.</dd>
        <dt>{SCENARIO_LABELS.risk_weighted}</dt>
        <dd>
          Each plant’s figure times the probability that plants in its current status deliver. The default weights are
          Voltrack’s editorial judgement, not a published model: operational {DEFAULT_WEIGHTS.operational}, under
          construction {DEFAULT_WEIGHTS.under_construction}, announced {DEFAULT_WEIGHTS.announced}, paused{' '}
          {DEFAULT_WEIGHTS.paused}, cancelled 0. Change them on the <Link href="/">dashboard</Link>; the link you share keeps
          your weights.
        </dd>
        <dt>{SCENARIO_LABELS.operational}</dt>
        <dd>What exists: only plants operational on the as-of date, at their capacity for the as-of year, held flat
          afterwards (no expansion assumed).</dd>
      </dl>

      <h2 id="statuses">Plant statuses</h2>
      <dl>
        {PLANT_STATUSES.map((s) => (
          <div key={s}><dt>{STATUS_LABELS[s]}</dt><dd>{STATUS_DEFINITIONS[s]}</dd></div>
        ))}
      </dl>

      <h2 id="ev">Electric-car equivalents</h2>
      <p>
        GWh per year ÷ an average battery pack ({DEFAULT_PACK_KWH} kWh by default, adjustable) gives the number of cars a
        year’s cell output could equip: 16 GWh ≈ 271,000 cars. It is an illustration of scale, not a production forecast.
      </p>

      <h2 id="claims">Regional claims versus plant figures</h2>
      <p>
        The press sometimes quotes a total for a whole region. Voltrack stores such claims apart from the plant figures
        and shows both, so a reader can see the gap; it usually comes from older targets, long-term ambitions without a
        year, or rounding.
        {hdf && hdfClaim ? (
          <>
            {' '}For the Hauts-de-France “battery valley” the press quotes {formatGwh(hdfClaim.gwhPerYear)} a year by 2030,
            while the per-plant announcements add up to {formatGwh(hdfPlants2030)} a year; see
            the <Link href="/regions/hauts-de-france">Hauts-de-France page</Link>.
          </>
        ) : null}
      </p>

      <h2 id="offtake">Offtake coverage</h2>
      <p>
        The share of 2030 capacity already contracted: the per-year volumes of active or planned cell and module supply
        contracts whose period covers 2030, divided by the announced 2030 capacity. Contracts whose volume is not public are
        counted and reported separately, never estimated.
      </p>

      <h2 id="sources">Sources and coverage</h2>
      <p>
        The dataset holds {facts.plants} plants in {facts.countries} countries, {facts.announcements} capacity announcements
        and {facts.contracts} supply contracts, citing {facts.sources} published sources. Plant confidence: {facts.confidence.high}{' '}
        high, {facts.confidence.medium} medium, {facts.confidence.low} low — low means a key figure rests on a single weak
        source or general knowledge, as the plant’s notes explain. Coordinates are approximate (city level) unless marked
        exact. It covers lithium-ion and solid-state lithium cell plants in the EU, the UK, Norway, Switzerland, Serbia and
        Türkiye.
      </p>
      <p>
        {facts.latestFact ? <>Newest dated fact: {formatDate(facts.latestFact)}. </> : null}
        {facts.lastUpdated ? <>Last update of the data: {formatDate(facts.lastUpdated)}.</> : null}
      </p>
      <p>Data licence: CC BY 4.0 — cite “Voltrack” and the original source shown with each figure.</p>
    </article>
  );
}
