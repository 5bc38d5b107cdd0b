import type { DashboardData } from '@/lib/db/dashboard';
import { formatGwh } from '@/lib/format';

export function OfftakeCoverageCard({ coverage }: { coverage: DashboardData['offtake'] }) {
  const pct = coverage.announced2030Gwh > 0
    ? Math.min(100, Math.round((coverage.contractedGwh / coverage.announced2030Gwh) * 1000) / 10)
    : 0;
  return (
    <section aria-labelledby="offtake">
      <h2 id="offtake">Offtake coverage, {coverage.year}</h2>
      <div className="cards">
        <div className="card" data-metric="offtake-coverage">
          <p className="label">Contracted to buyers (disclosed volumes)</p>
          <p className="value">{pct}%</p>
          <p className="note">
            {formatGwh(coverage.contractedGwh)}/yr of {formatGwh(coverage.announced2030Gwh)}/yr announced for {coverage.year}, from{' '}
            {coverage.contractCount - coverage.undisclosedCount} live contracts with a published yearly volume.{' '}
            {coverage.undisclosedCount} more live contracts do not disclose their volume and are not counted.
          </p>
        </div>
      </div>
    </section>
  );
}
