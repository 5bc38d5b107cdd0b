import type { Metadata } from 'next';
import Link from 'next/link';
import { SourceLink } from '@/components/source-link';
import { getDatasetFacts } from '@/lib/db/dataset-facts';
import { getHeadline } from '@/lib/db/headline';
import { listPipelineGap, listTrackerComparisons, type TrackerComparison } from '@/lib/db/tracker-comparison';
import { DEFAULT_PACK_KWH, DEFAULT_WEIGHTS, SCENARIO_LABELS, TARGET_YEAR } from '@/lib/domain/capacity';
import { PLANT_STATUSES, STATUS_DEFINITIONS, STATUS_LABELS, type PlantStatus } from '@/lib/domain/plant-status';
import { formatCapacity, formatDate, formatGwh, formatInt } from '@/lib/format';
import { todayIso } from '@/lib/validation/capacity';

export const metadata: Metadata = { title: 'Methodology' };
export const dynamic = 'force-dynamic';

/** The tracker figure the reconciliation explains plant by plant: T&E’s 1.8 TWh of March 2023. */
const REFERENCE_FIGURE = 'TE-2023-03-PIPELINE-2030';

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`);
const value = (c: TrackerComparison) => (c.unit === 'GWh/yr' || c.unit === 'GWh' ? formatGwh(c.value) : c.unit === 'share' ? `${Math.round(c.value * 100)}%` : `${formatInt(c.value)} ${c.unit}`);
const ours = (c: TrackerComparison) => (c.measure?.kind === 'plants' ? `${formatInt(c.ours!.dated)} plants` : formatGwh(c.ours!.dated));

export default async function MethodologyPage() {
  const today = todayIso();
  const [facts, comparisons, headline] = await Promise.all([getDatasetFacts(), listTrackerComparisons(), getHeadline(today, DEFAULT_WEIGHTS)]);
  const reference = comparisons.find((c) => c.ref === REFERENCE_FIGURE && c.ours);
  const gap = reference ? await listPipelineGap(reference.knownOn, 15) : null;
  const compared = comparisons.filter((c) => c.ours);
  const listed = comparisons.filter((c) => !c.ours);
  const tiers = facts.sourcesByTier;
  return (
    <article className="prose">
      <h1>Methodology</h1>
      <p className="lede">
        What Voltrack counts, how a plant’s capacity in a year follows from dated, sourced announcements, how every view can
        be read “as known on” a past date, and how our totals compare with other trackers’.
      </p>

      <h2 id="scope">What is counted</h2>
      <ul>
        <li><strong>Battery-cell plants</strong> in the EU, the UK, Norway, Switzerland, Serbia and Türkiye: gigafactories,
          smaller series lines (under about 3 GWh a year) and pilot lines from 0.1 GWh a year. Lithium-ion, solid-state and
          sodium-ion cells all count; sodium-ion plants carry their own chemistry family, so a filter can leave them out.</li>
        <li><strong>Module- and pack-only sites</strong> make no cells: they are listed, but never counted in cell capacity.</li>
        <li>Capacity is <strong>nameplate cell capacity in GWh per year</strong> as announced by the operator or reported by
          the press, not actual output.</li>
      </ul>

      <h2 id="capacity">Capacity of a plant in a year</h2>
      <p>
        Each figure is a dated <em>announcement</em> for a target year, with its source. Announcements are never
        overwritten: a revised figure is a new row, and the old one stays visible as superseded. A cut, a delay or a
        withdrawn phase is recorded as new figures for the years the old plan covered, so the old plan does not survive in
        later views.
      </p>
      <ol>
        <li><strong>The rule.</strong> The capacity of a plant in year <var>Y</var>, as known on date <var>D</var>, is the
          latest announced figure, among those public on <var>D</var>, for the greatest target year ≤ <var>Y</var>: a step
          function. Before its first target year it is 0. The rule is written once, as the SQL
          function <code>capacity_steps_known()</code>; every chart, table, export and API answer reads its result.</li>
        <li>A cancelled plant counts 0 from the year of its cancellation; its earlier years stay history.</li>
        <li><strong>Unknown is not zero.</strong> A plant that operates but never disclosed a figure is shown as “not
          disclosed”, and totals say how many such plants they leave out (today{' '}
          {headline.operationalNow.undisclosedPlants} operating plant{headline.operationalNow.undisclosedPlants === 1 ? '' : 's'}).</li>
        <li><strong>Long-term plans</strong> (“expandable to 40 GWh”, no year) do not enter yearly totals by default. The
          dashboard’s “long-term plans” option counts them from {TARGET_YEAR} for plants with no dated figure then: today
          that adds {formatGwh(headline.longTermOnly2030.gwh)} for {headline.longTermOnly2030.plants} plants. The “full
          build-out” card counts every plant at the largest figure it ever announced
          ({formatGwh(headline.fullBuildOut.gwh)} today).</li>
      </ol>

      <h2 id="known">What was known when</h2>
      <p>
        Every dated fact carries two dates: when it happened (the figure was announced, the plant started, the stake was
        sold) and when it became <strong>public</strong>: its source’s publication date, or later. A source dated only to a
        month or a year counts from the last day of that period, so nothing is ever shown earlier than it could have been
        known. A view “as known on <var>D</var>” — the time-travel control, the pipeline chart, the feed, every export and
        API answer — uses only facts public on <var>D</var>. A stop that happened on 30 June but was reported on 20 August
        appears in as-of views from 20 August, and in the plant’s history on 30 June.
      </p>
      <p>
        Ownership is dated the same way: operators change on the day of a sale or takeover, partners join and leave, and
        company groups (who owns whom, with what stake) have dates. A plant sold in 2026 counts for the seller in views
        before the sale and for the buyer after.
      </p>

      <h2 id="ownership">By company and by group</h2>
      <dl>
        <dt>By operator</dt>
        <dd>The whole plant counts for the company operating it on the view’s date.</dd>
        <dt>By equity</dt>
        <dd>Published stakes split the plant; the operator keeps what the published stakes leave.</dd>
        <dt>By ultimate parent</dt>
        <dd>Each company’s share goes up the group on the view’s date: an owner holding more than 50% takes all of it;
          otherwise the published stakes split it, and owners whose stake is not published share what is left equally.
          Figures that rely on such an equal split are marked <em>estimated</em>.</dd>
      </dl>

      <h2 id="freshness">Freshness</h2>
      <p>
        A plant whose planned start year has passed with no newer fact is marked “status may be out of date”: we show the
        last published status, and say when the newest fact about it became public. Every page says how current its data
        is. The newest fact in the dataset became public on {facts.latestFact ? formatDate(facts.latestFact) : 'no date yet'}.
      </p>

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

      <h2 id="sources">Sources</h2>
      <p>
        Every figure cites a page someone can open, with its publisher, title, language and publication date. Sources
        are graded: <strong>primary</strong> (the company, a regulator, a court, an EU decision; {tiers.primary ?? 0}),
        {' '}<strong>major</strong> (wire services, national and business press; {tiers.major ?? 0}),
        {' '}<strong>trade</strong> (specialist press; {tiers.trade ?? 0}) and <strong>weak</strong> (aggregators, listings;
        {' '}{tiers.weak ?? 0}). A weak source is never a figure’s only basis, and is marked where it is cited. Where sources
        conflict, the plant’s note says which figure we chose and why.
      </p>
      <p>
        The dataset holds {facts.plants} plants in {facts.countries} countries, {facts.announcements} capacity
        announcements and {facts.contracts} supply contracts, citing {facts.sources} sources. Plant confidence:{' '}
        {facts.confidence.high} high, {facts.confidence.medium} medium, {facts.confidence.low} low. Coordinates are
        approximate (town level) unless marked exact.
      </p>

      <h2 id="trackers">Compared with other trackers</h2>
      <p>
        Other organisations publish totals for Europe. We keep them as figures of their own, with their source, and read
        ours by the same measure <em>as known on the day theirs was published</em>. Their counts differ from ours by
        definition (some count plans without a year as {TARGET_YEAR} capacity, some count module plants or the EU only)
        and by coverage (projects we have not found a citable page for).
      </p>
      {reference && gap ? (
        <>
          <h3 id="te-2023">Transport &amp; Environment’s 1.8 TWh (March 2023), line by line</h3>
          <p>
            On {formatDate(reference.knownOn)} T&amp;E counted {formatGwh(reference.value)} of cell capacity planned in Europe
            for {TARGET_YEAR} (<SourceLink source={reference.source} />). As known that day, our plants add up to:
          </p>
          <div className="table-wrap">
            <table>
              <caption>Our {TARGET_YEAR} pipeline as known on {reference.knownOn}, against T&amp;E’s figure</caption>
              <thead><tr><th scope="col">Measure</th><th scope="col" className="num">GWh/yr</th><th scope="col" className="num">Share of T&amp;E</th></tr></thead>
              <tbody>
                <tr><th scope="row">Dated figures for {TARGET_YEAR} or earlier</th><td className="num">{formatGwh(reference.ours!.dated)}</td><td className="num">{pct(reference.ours!.coverage)}</td></tr>
                <tr><th scope="row">… plus long-term plans without a year</th><td className="num">{formatCapacity(reference.ours!.withLongTerm)}</td><td className="num">{pct(reference.ours!.withLongTerm === null ? null : reference.ours!.withLongTerm / reference.value)}</td></tr>
                <tr><th scope="row">Every plant at its largest announced figure</th><td className="num">{formatCapacity(reference.ours!.fullBuildOut)}</td><td className="num">{pct(reference.ours!.fullBuildOut === null ? null : reference.ours!.fullBuildOut / reference.value)}</td></tr>
                <tr><th scope="row">T&amp;E</th><td className="num">{formatGwh(reference.value)}</td><td className="num">100%</td></tr>
              </tbody>
            </table>
          </div>
          <p>
            The largest part of the difference between our dated figure and our full build-out is {gap.plants} plants whose
            plan then reached beyond their dated {TARGET_YEAR} figure ({formatGwh(gap.totalGap)} in all). The biggest:
          </p>
          <div className="table-wrap">
            <table>
              <caption>Plants whose announced plan, as known on {reference.knownOn}, exceeded their dated {TARGET_YEAR} figure</caption>
              <thead><tr><th scope="col">Plant</th><th scope="col">Status then</th><th scope="col" className="num">Dated {TARGET_YEAR}</th><th scope="col" className="num">Full plan</th></tr></thead>
              <tbody>
                {gap.rows.map((r) => (
                  <tr key={r.slug}>
                    <th scope="row"><Link href={`/plants/${r.slug}`}>{r.name}</Link> <small>{r.countryName}</small></th>
                    <td>{STATUS_LABELS[r.status as PlantStatus] ?? r.status}</td>
                    <td className="num">{r.datedGwh === null ? 'none yet' : formatGwh(r.datedGwh)}</td>
                    <td className="num">{formatGwh(r.fullPlanGwh)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            What remains between our full build-out and T&amp;E’s 1.8 TWh is projects T&amp;E counted for which we have found
            no citable page stating a figure as of that date, and plants T&amp;E counted at another figure than the latest one
            published: for <Link href="/plants/tesla-grunheide-cells">Tesla’s Grünheide cell plant</Link> T&amp;E
            counted 125 GWh, while the plans reported by then ranged from 50 to 250 GWh with no year, the latest being 50 (Tesla has since
            announced 8 GWh from 2027). We do not fill that gap
            with figures we cannot source.
          </p>
        </>
      ) : null}

      <h3 id="all-trackers">Every tracker figure we hold</h3>
      <div className="table-wrap">
        <table>
          <caption>Published totals from other trackers, oldest first, with ours by the same measure as known on their date</caption>
          <thead><tr><th scope="col">Published</th><th scope="col">By</th><th scope="col">Measure</th><th scope="col" className="num">Theirs</th><th scope="col" className="num">Ours then</th><th scope="col" className="num">Ours ÷ theirs</th></tr></thead>
          <tbody>
            {compared.map((c) => (
              <tr key={c.ref}>
                <td>{c.knownOn}</td>
                <td>{c.publisher} (<SourceLink source={c.source} />)</td>
                <td>{c.scope}{c.region ? ` — ours for ${c.region.name}` : ''}</td>
                <td className="num">{value(c)}</td>
                <td className="num">{ours(c)}{c.ours!.undisclosedPlants ? <small> + {c.ours!.undisclosedPlants} not disclosed</small> : null}</td>
                <td className="num">{pct(c.ours!.coverage)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {listed.length ? (
        <>
          <p>Figures with no counterpart in plant data (shares, demand, targets, risk estimates), for reference:</p>
          <ul>
            {listed.map((c) => (
              <li key={c.ref}>{c.knownOn} · {c.publisher}: {c.scope} — {value(c)} (<SourceLink source={c.source} />)</li>
            ))}
          </ul>
        </>
      ) : null}

      <h2 id="ev">Electric-car equivalents</h2>
      <p>
        GWh per year ÷ an average battery pack ({DEFAULT_PACK_KWH} kWh by default, adjustable) gives the number of cars a
        year’s cell output could equip: 16 GWh ≈ 271,000 cars. It is an illustration of scale, not a production forecast.
      </p>

      <h2 id="claims">Regional claims versus plant figures</h2>
      <p>
        The press sometimes quotes a total for a whole region. Voltrack keeps such a claim only with a page that states it,
        apart from the plant figures, and shows both on the region’s page, so a reader can see the gap; it usually comes from
        older targets, long-term ambitions without a year, or rounding.
      </p>

      <h2 id="offtake">Offtake coverage</h2>
      <p>
        The share of {TARGET_YEAR} capacity already contracted: the per-year volumes of active or planned cell and module
        supply contracts whose period covers {TARGET_YEAR}, divided by the announced {TARGET_YEAR} capacity. Contracts whose
        volume is not public are counted and reported separately, never estimated.
      </p>
      <p>Data licence: CC BY 4.0 — cite “Voltrack” and the original source shown with each figure.</p>
    </article>
  );
}
