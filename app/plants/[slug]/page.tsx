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
import { formatGwh } from '@/lib/format';
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
  return (
    <article>
      <p className="breadcrumb"><Link href={`/regions/${plant.country.slug}`}>{plant.country.name}</Link> › <Link href={`/regions/${plant.region.slug}`}>{plant.region.name}</Link></p>
      <h1>{plant.name}</h1>
      <p className="lede">
        {statusLabel(plant.status)} · {plant.city}, {plant.country.name} · operated by {plant.operator.name}
        {plant.inCellTotals ? '' : ' · module/pack site, not counted in cell capacity'}
      </p>
      <dl className="facts">
        <dt>Operator</dt><dd>{plant.operator.name} ({plant.operator.origin}{plant.operator.status !== 'active' ? `, ${plant.operator.status}` : ''})</dd>
        {plant.partners.length ? (<><dt>Partners</dt><dd>{plant.partners.map((p) => `${p.name}${p.stakePct !== null ? ` (${p.stakePct}%)` : ''}`).join('; ')}</dd></>) : null}
        <dt>Chemistry</dt><dd>{plant.chemistry ?? 'not disclosed'}</dd>
        <dt>First series output</dt><dd>{plant.startYear ?? 'not yet / unknown'}</dd>
        <dt>Location</dt><dd>{plant.lat !== null ? `${plant.lat.toFixed(3)}, ${plant.lon?.toFixed(3)} (${plant.locationApproximate ? 'approximate' : 'exact'})` : 'unknown'}</dd>
        <dt>Confidence</dt><dd>{plant.confidence}</dd>
      </dl>
      {plant.notes ? <p>{plant.notes}</p> : null}
      <p>
        <Link href={`/companies/${plant.operator.slug}`}>{plant.operator.name}</Link>
        {plant.partners.map((p) => <span key={p.slug}> · <Link href={`/companies/${p.slug}`}>{p.name}</Link></span>)}
        {' · '}<Link href={`/plants?region=${plant.region.slug}`}>Other plants in {plant.region.name}</Link>
      </p>

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
          <caption>Every figure announced for this plant, oldest first; superseded figures were later revised</caption>
          <thead><tr><th scope="col">Target year</th><th scope="col" className="num">GWh/yr</th><th scope="col">Announced</th><th scope="col">State</th><th scope="col">Source</th></tr></thead>
          <tbody>
            {plant.announcements.map((a) => (
              <tr key={a.id} data-superseded={a.superseded}>
                <td>{a.targetYear ?? 'long term'}</td>
                <td className="num">{formatGwh(a.gwhPerYear)}</td>
                <td>{a.announcedOn}</td>
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
          <li key={i}><time dateTime={e.effectiveOn}>{e.datePrecision === 'year' ? e.effectiveOn.slice(0, 4) : e.datePrecision === 'month' ? e.effectiveOn.slice(0, 7) : e.effectiveOn}</time> {statusLabel(e.status)}{e.note ? ` — ${e.note}` : ''}{e.source ? <> (<SourceLink source={e.source} />)</> : null}</li>
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
