import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PlantCapacityHistory } from '@/components/explorer/plant-capacity-history';
import explorerStyles from '@/components/explorer/explorer.module.css';
import { EuropeMap } from '@/components/map/europe-map';
import { EntityHistory } from '@/components/admin/entity-history';
import { SourceLink } from '@/components/source-link';
import { getPlant } from '@/lib/db/get-plant';
import { STATUS_LABELS, type PlantStatus } from '@/lib/domain/plant-status';
import { formatCapacity, formatDated, formatGwh } from '@/lib/format';
import { todayIso } from '@/lib/validation/capacity';
import { SlugSchema } from '@/lib/validation/fields';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }> };

async function load(params: Props['params']) {
  const { slug } = await params;
  const parsed = SlugSchema.safeParse(slug);
  return parsed.success ? getPlant(parsed.data) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const plant = await load(params);
  return { title: plant ? plant.name : 'Plant not found' };
}

export default async function PlantPage({ params }: Props) {
  const plant = await load(params);
  if (!plant) notFound();
  const statusLabel = (s: string) => STATUS_LABELS[s as PlantStatus] ?? s;
  const currentYear = Number(todayIso().slice(0, 4));
  const { fromYear, toYear, vintages } = plant.capacityHistory;
  const currentGwh = currentYear < fromYear || plant.status === 'cancelled' ? 0 : vintages.at(-1)?.values[Math.min(currentYear, toYear) - fromYear]?.gwh ?? 0;
  const dated = (e: { effectiveOn: string; datePrecision: string }) => formatDated(e.effectiveOn, e.datePrecision);
  const current = plant.statusHistory.filter((e) => e.effectiveOn <= todayIso()).at(-1);
  const operators = plant.operators.map((o, i) => ({ ...o, until: plant.operators[i + 1] ?? null }));
  const operatorNow = operators.at(-1);
  const trail = plant.regionTrail.filter((r) => r.level !== 'macro');
  return (
    <article>
      <p className="breadcrumb">
        {trail.map((r, i) => <span key={r.slug}>{i ? ' › ' : ''}<Link href={`/regions/${r.slug}`}>{r.name}</Link></span>)}
      </p>
      <h1>{plant.name}</h1>
      <p className="lede">
        {statusLabel(plant.status)} · {plant.city}, {plant.country.name} · operated by {plant.operator.name}
        {plant.inCellTotals ? '' : ' · module/pack site, not counted in cell capacity'}
      </p>
      {plant.reviewDue ? (
        <p className="notice" role="note">
          Status may be out of date: production was planned to start by {plant.reviewDue.milestoneYear}, and no news has been
          recorded since {formatDated(plant.reviewDue.newestFact, 'day')}. We show the last published status.
        </p>
      ) : null}
      <section aria-labelledby="summary" className="plant-summary">
        <h2 id="summary" className="visually-hidden">Summary</h2>
        <dl className="facts">
          <dt>Status</dt>
          <dd>{statusLabel(plant.status)}{current ? ` since ${dated(current)}` : ''}{current?.source ? <> (<SourceLink source={current.source} />)</> : null}</dd>
          <dt>Operator</dt>
          <dd>
            <Link href={`/companies/${plant.operator.slug}`}>{plant.operator.name}</Link> ({plant.operator.origin}{plant.operator.status !== 'active' ? `, ${plant.operator.status}` : ''})
            {operatorNow && operators.length > 1 ? `, since ${dated(operatorNow)}` : ''}
            {operators.length > 1 ? (
              <span className="muted"> · before: {operators.slice(0, -1).map((o) => `${o.name} (${dated(o)} – ${o.until ? dated(o.until) : ''})`).join('; ')}</span>
            ) : null}
          </dd>
          <dt>Partners</dt>
          <dd>{plant.partners.length
            ? plant.partners.map((p, i) => <span key={p.slug}>{i ? '; ' : ''}<Link href={`/companies/${p.slug}`}>{p.name}</Link>{p.stakePct !== null ? ` ${p.stakePct}%` : ' (stake not published)'}</span>)
            : 'none recorded'}</dd>
          <dt>Where</dt>
          <dd>{plant.city} · {[...trail].reverse().map((r) => r.name).join(', ')}</dd>
          <dt>Capacity {plant.capacity.year}</dt>
          <dd>{formatCapacity(plant.capacity.nowGwh)}{plant.capacity.nowGwh === 0 && plant.status !== 'operational' ? ' (not producing)' : ''}</dd>
          <dt>Capacity 2030</dt>
          <dd>{formatCapacity(plant.capacity.y2030Gwh)}{plant.capacity.y2030Gwh !== null ? ' announced for 2030' : ''}</dd>
          <dt>Full plan</dt>
          <dd>{formatCapacity(plant.capacity.fullPlanGwh)}{plant.capacity.fullPlanGwh !== null ? ' (largest figure announced today, with any long-term build-out)' : ''}</dd>
          <dt>Evidence</dt>
          <dd>
            {plant.sources.length} source{plant.sources.length === 1 ? '' : 's'}
            {plant.dataCurrentTo ? ` · newest fact public on ${formatDated(plant.dataCurrentTo, 'day')}` : ''}
            {' · '}confidence {plant.confidence}
          </dd>
          <dt>Chemistry</dt><dd>{plant.chemistry ?? 'not disclosed'}</dd>
          <dt>First series output</dt><dd>{plant.startYear ?? 'not yet / unknown'}</dd>
          <dt>Location</dt><dd>{plant.lat !== null ? `${plant.lat.toFixed(3)}, ${plant.lon?.toFixed(3)} (${plant.locationApproximate ? 'approximate' : 'exact'})` : 'unknown'}</dd>
        </dl>
      </section>
      {plant.notes ? <p>{plant.notes}</p> : null}
      <p><Link href={`/plants?region=${plant.region.slug}`}>Other plants in {plant.region.name}</Link></p>

      {plant.lat !== null && plant.lon !== null ? (
        <section aria-labelledby="location" className={explorerStyles.smallMap}>
          <h2 id="location">Location</h2>
          <EuropeMap
            title={`${plant.name}: location`}
            description={`${plant.city}, ${plant.country.name}${plant.locationApproximate ? ' (approximate position)' : ''}; the circle is sized by today’s announced capacity and coloured by status.`}
            year={currentYear}
            countries={[]}
            plants={[{ slug: plant.slug, name: plant.name, operator: plant.operator.name, city: plant.city, lat: plant.lat, lon: plant.lon, status: plant.status as PlantStatus, gwh: currentGwh }]}
            focus="plants"
          />
        </section>
      ) : null}

      <h2>Capacity over the years, with superseded announcements</h2>
      <PlantCapacityHistory plant={plant} shareUrl={`/plants/${plant.slug}`} />

      <h2>Capacity announcements</h2>
      <div className="table-wrap">
        <table>
          <caption>Every figure announced for this plant, oldest first; superseded figures were later revised. “Public since” is the day the figure could first be known: time-travel views use it.</caption>
          <thead><tr><th scope="col">Target year</th><th scope="col" className="num">GWh/yr</th><th scope="col">Announced</th><th scope="col">Public since</th><th scope="col">State</th><th scope="col">Source</th></tr></thead>
          <tbody>
            {plant.announcements.map((a) => (
              <tr key={a.id} data-superseded={a.superseded}>
                <td>{a.targetYear ?? 'long term'}</td>
                <td className="num">{formatGwh(a.gwhPerYear)}</td>
                <td>{formatDated(a.announcedOn, a.datePrecision)}</td>
                <td>{a.knownOn}</td>
                <td>{a.superseded ? 'superseded' : 'current'}{a.confidence !== 'high' ? ` · ${a.confidence} confidence` : ''}</td>
                <td>{a.source ? <SourceLink source={a.source} /> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>Status history</h2>
      <ol className="timeline">
        {plant.statusHistory.map((e, i) => (
          <li key={i}>
            <time dateTime={e.effectiveOn}>{dated(e)}</time> {statusLabel(e.status)}
            {e.knownOn > e.effectiveOn ? <span className="muted"> (public {formatDated(e.knownOn, 'day')})</span> : null}
            {e.note ? ` — ${e.note}` : ''}{e.source ? <> (<SourceLink source={e.source} />)</> : null}
          </li>
        ))}
      </ol>

      <h2>Ownership history</h2>
      <ol className="timeline">
        {[
          ...plant.operators.map((o, i) => ({
            key: `o${i}`, effectiveOn: o.effectiveOn, datePrecision: o.datePrecision, knownOn: o.knownOn, source: o.source, note: o.note,
            text: <>{i === 0 ? 'Operator: ' : 'New operator: '}<Link href={`/companies/${o.slug}`}>{o.name}</Link></>,
          })),
          ...plant.partnerHistory.map((x, i) => ({
            key: `p${i}`, effectiveOn: x.effectiveOn, datePrecision: x.datePrecision, knownOn: x.knownOn, source: x.source, note: x.note,
            text: x.ended
              ? <><Link href={`/companies/${x.slug}`}>{x.name}</Link> left ({x.role.replace(/_/g, ' ')})</>
              : <><Link href={`/companies/${x.slug}`}>{x.name}</Link>: {x.role.replace(/_/g, ' ')}{x.stakePct !== null ? `, ${x.stakePct}%` : ', stake not published'}</>,
          })),
        ].sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn)).map((e) => (
          <li key={e.key}>
            <time dateTime={e.effectiveOn}>{dated(e)}</time> {e.text}
            {e.knownOn > e.effectiveOn ? <span className="muted"> (public {formatDated(e.knownOn, 'day')})</span> : null}
            {e.note && !e.note.startsWith('Migrated from') ? ` — ${e.note}` : ''}{e.source ? <> (<SourceLink source={e.source} />)</> : null}
          </li>
        ))}
      </ol>

      {plant.contracts.length ? (
        <>
          <h2>Offtake and supply contracts</h2>
          <ul>
            {plant.contracts.map((c) => (
              <li key={c.ref}>{c.supplier} → {c.buyer}: {c.kind.replace(/_/g, ' ')}, {c.status}{c.volumeGwh !== null ? `, ${c.volumeGwh} GWh ${c.volumeBasis === 'per_year' ? 'per year' : 'in total'}` : ''}{c.startYear ? `, from ${c.startYear}` : ''}{c.endYear ? ` to ${c.endYear}` : ''}</li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>Sources</h2>
      <ul>{plant.sources.map((s, i) => <li key={i}><SourceLink source={s} /> — {s.title}</li>)}</ul>

      <EntityHistory entity={{ type: 'plant', ref: plant.ref }} />
    </article>
  );
}
