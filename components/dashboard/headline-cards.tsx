import { evEquivalent, type StatusWeights } from '@/lib/domain/capacity';
import { PLANT_STATUSES, STATUS_LABELS } from '@/lib/domain/plant-status';
import { formatGwh, formatInt } from '@/lib/format';

interface Props {
  asOfYear: number;
  operationalNowGwh: number;
  announced2030Gwh: number;
  riskWeighted2030Gwh: number;
  plantsByStatus: Record<string, number>;
  weights: StatusWeights;
  packKwh: number;
}

export function HeadlineCards(props: Props) {
  const cars = (gwh: number) => `≈ ${formatInt(evEquivalent(gwh, props.packKwh))} cars a year at ${props.packKwh} kWh each`;
  const w = props.weights;
  const total = Object.values(props.plantsByStatus).reduce((a, b) => a + b, 0);
  return (
    <div className="cards">
      <Card metric="operational-now" label={`Operational capacity, ${props.asOfYear}`} gwh={props.operationalNowGwh} note={cars(props.operationalNowGwh)} />
      <Card metric="announced-2030" label="Announced for 2030" gwh={props.announced2030Gwh} note={`Every plant not cancelled. ${cars(props.announced2030Gwh)}`} />
      <Card
        metric="risk-weighted-2030"
        label="Risk-weighted 2030"
        gwh={props.riskWeighted2030Gwh}
        note={`Weights: operational ${w.operational}, under construction ${w.under_construction}, announced ${w.announced}, paused ${w.paused}. ${cars(props.riskWeighted2030Gwh)}`}
      />
      <div className="card" data-metric="plants">
        <p className="label">Plants by status</p>
        <p className="value">{formatInt(total)}</p>
        <ul className="status-list" aria-label="Plants by status">
          {PLANT_STATUSES.map((s) => (
            <li key={s}>{STATUS_LABELS[s]}: <span data-status={s}>{props.plantsByStatus[s] ?? 0}</span></li>
          ))}
        </ul>
      </div>
    </div>
  );
}

function Card({ metric, label, gwh, note }: { metric: string; label: string; gwh: number; note: string }) {
  return (
    <div className="card" data-metric={metric}>
      <p className="label">{label}</p>
      <p className="value">{formatGwh(gwh)}<span className="unit">/yr</span></p>
      <p className="note">{note}</p>
    </div>
  );
}
