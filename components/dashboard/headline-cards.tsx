import type { Headline } from '@/lib/db/headline';
import { evEquivalent, type StatusWeights, TARGET_YEAR } from '@/lib/domain/capacity';
import { PLANT_STATUSES, STATUS_LABELS } from '@/lib/domain/plant-status';
import { formatGwh, formatInt } from '@/lib/format';

interface Props {
  headline: Headline;
  weights: StatusWeights;
  packKwh: number;
}

/** "+ 3 plants with undisclosed capacity", or nothing. */
export function undisclosedNote(plants: number): string {
  return plants > 0 ? ` + ${formatInt(plants)} plant${plants === 1 ? '' : 's'} with undisclosed capacity (not counted).` : '';
}

export function HeadlineCards({ headline: h, weights: w, packKwh }: Props) {
  const cars = (gwh: number) => `≈ ${formatInt(evEquivalent(gwh, packKwh))} cars a year at ${packKwh} kWh each.`;
  return (
    <div className="cards">
      <Card
        metric="operational-now" label={`Operational capacity, ${h.asOfYear}`} gwh={h.operationalNow.gwh}
        note={`Nameplate of plants running on the date, not output. ${cars(h.operationalNow.gwh)}${undisclosedNote(h.operationalNow.undisclosedPlants)}`}
      />
      <Card
        metric="announced-2030" label={`Announced for ${TARGET_YEAR}`} gwh={h.announced2030.gwh}
        note={`Dated figures of every plant not cancelled. ${cars(h.announced2030.gwh)}${undisclosedNote(h.announced2030.undisclosedPlants)}`}
      />
      <Card
        metric="risk-weighted-2030"
        label={`Risk-weighted ${TARGET_YEAR}`}
        gwh={h.riskWeighted2030.gwh}
        note={`Weights: operational ${w.operational}, under construction ${w.under_construction}, announced ${w.announced}, paused ${w.paused}. ${cars(h.riskWeighted2030.gwh)}${undisclosedNote(h.riskWeighted2030.undisclosedPlants)}`}
      />
      <Card
        metric="full-build-out" label="Full build-out (no year)" gwh={h.fullBuildOut.gwh}
        note={`${formatInt(h.fullBuildOut.plants)} plants not cancelled, each at the largest figure it has announced. Long-term plans without a year add ${formatGwh(h.longTermOnly2030.gwh)}/yr from ${formatInt(h.longTermOnly2030.plants)} plant${h.longTermOnly2030.plants === 1 ? '' : 's'} to ${TARGET_YEAR} with “long-term plans” on.`}
      />
      <div className="card" data-metric="plants">
        <p className="label">Cell plants by status</p>
        <p className="value">{formatInt(h.plantCount)}</p>
        <ul className="status-list" aria-label="Plants by status">
          {PLANT_STATUSES.map((s) => (
            <li key={s}>{STATUS_LABELS[s]}: <span data-status={s}>{h.plantsByStatus[s] ?? 0}</span></li>
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
