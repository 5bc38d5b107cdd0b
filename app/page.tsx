import { getCapacitySeries } from '@/lib/db/capacity-series';
import { getEuropeSummary } from '@/lib/db/summary';
import { DEFAULT_PACK_KWH, DEFAULT_WEIGHTS, evEquivalent } from '@/lib/domain/capacity';
import { PLANT_STATUSES, STATUS_LABELS } from '@/lib/domain/plant-status';
import { formatDate, formatGwh, formatInt } from '@/lib/format';
import { todayIso } from '@/lib/validation/capacity';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const asOf = todayIso();
  const [summary, byCountry] = await Promise.all([
    getEuropeSummary(asOf),
    getCapacitySeries({ scenario: 'announced', asOf, fromYear: 2030, toYear: 2030, weights: DEFAULT_WEIGHTS }, 'country'),
  ]);
  const countries = [...byCountry].sort((a, b) => b.gwh - a.gwh);
  const cars = (gwh: number) => `≈ ${formatInt(evEquivalent(gwh, DEFAULT_PACK_KWH))} cars a year at ${DEFAULT_PACK_KWH} kWh`;

  return (
    <>
      <h1>Europe’s battery-cell capacity</h1>
      <p className="lede">
        {formatInt(summary.plantCount)} cell plants in {summary.countryCount} countries, as known on {formatDate(asOf)}.
        Capacity is nameplate GWh per year; every figure traces to a dated source.
      </p>
      <section aria-labelledby="headline">
        <h2 id="headline">Headline figures</h2>
        <div className="cards">
          <Card label={`Operational capacity, ${summary.asOfYear}`} gwh={summary.operationalNowGwh} note={cars(summary.operationalNowGwh)} />
          <Card label="Announced for 2030" gwh={summary.announced2030Gwh} note={`All plants not cancelled. ${cars(summary.announced2030Gwh)}`} />
          <Card label="Risk-weighted 2030" gwh={summary.riskWeighted2030Gwh} note={`Weighted by status: operational ${DEFAULT_WEIGHTS.operational}, under construction ${DEFAULT_WEIGHTS.under_construction}, announced ${DEFAULT_WEIGHTS.announced}, paused ${DEFAULT_WEIGHTS.paused}.`} />
        </div>
      </section>
      <section aria-labelledby="by-status">
        <h2 id="by-status">Plants by status</h2>
        <div className="table-wrap">
          <table>
            <caption>Number of plants in each lifecycle status on {formatDate(asOf)}</caption>
            <thead><tr><th scope="col">Status</th><th scope="col" className="num">Plants</th></tr></thead>
            <tbody>
              {PLANT_STATUSES.map((s) => (
                <tr key={s}><th scope="row">{STATUS_LABELS[s]}</th><td className="num" data-status={s}>{summary.plantsByStatus[s]}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="by-country">
        <h2 id="by-country">Announced 2030 capacity by country</h2>
        <div className="table-wrap">
          <table>
            <caption>Sum of each plant’s latest announced figure for 2030, cancelled plants excluded</caption>
            <thead><tr><th scope="col">Country</th><th scope="col" className="num">GWh per year, 2030</th></tr></thead>
            <tbody>
              {countries.map((c) => (
                <tr key={c.key}><th scope="row">{c.label}</th><td className="num">{formatGwh(c.gwh)}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

function Card({ label, gwh, note }: { label: string; gwh: number; note: string }) {
  return (
    <div className="card">
      <p className="label">{label}</p>
      <p className="value">{formatGwh(gwh)}</p>
      <p className="note">{note}</p>
    </div>
  );
}
