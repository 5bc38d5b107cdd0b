import { GWH_BREAKS, markerRadius } from '@/lib/domain/geo';
import { PLANT_STATUSES, STATUS_LABELS } from '@/lib/domain/plant-status';
import { NO_CAPACITY, SHADES, STATUS_COLORS } from './map-style';
import styles from './europe-map.module.css';

const classLabels = [
  `under ${GWH_BREAKS[0]}`,
  ...GWH_BREAKS.slice(1).map((upper, i) => `${GWH_BREAKS[i]}–${upper}`),
  `${GWH_BREAKS[GWH_BREAKS.length - 1]} or more`,
];

/** The keys to the map, as HTML so they stay legible when the map shrinks to a phone's width. */
export function MapLegend({ year }: { year: number }) {
  return (
    <div className={styles.legend}>
      <div>
        <p className={styles.legendTitle}>Country capacity, GWh/yr in {year}</p>
        <ul className={styles.legendList}>
          <li><span className={styles.swatch} style={{ background: NO_CAPACITY }} aria-hidden="true" />none</li>
          {SHADES.map((color, i) => (
            <li key={color}><span className={styles.swatch} style={{ background: color }} aria-hidden="true" />{classLabels[i]}</li>
          ))}
        </ul>
      </div>
      <div>
        <p className={styles.legendTitle}>Plant status (circle area ∝ GWh/yr)</p>
        <ul className={styles.legendList}>
          {PLANT_STATUSES.map((status) => (
            <li key={status}>
              <svg className={styles.dot} viewBox="0 0 14 14" aria-hidden="true">
                <circle
                  cx={7} cy={7} r={5.5}
                  fill={status === 'cancelled' ? 'none' : STATUS_COLORS[status]}
                  stroke={status === 'cancelled' ? STATUS_COLORS.cancelled : 'none'}
                  strokeWidth={2}
                />
              </svg>
              {STATUS_LABELS[status]}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

const SIZE_KEY = [10, 50, 100];
/** Nested circles for 10, 50 and 100 GWh/yr, drawn in the map so they scale with the markers. */
export function SizeKey({ x, y }: { x: number; y: number }) {
  const largest = markerRadius(SIZE_KEY[SIZE_KEY.length - 1] ?? 0);
  return (
    <g className={styles.sizeKey} aria-hidden="true" transform={`translate(${x} ${y})`}>
      <rect x={-8} y={-20} width={2 * largest + 62} height={2 * largest + 30} rx={4} />
      <text x={0} y={-6}>GWh/yr</text>
      {SIZE_KEY.map((gwh) => {
        const r = markerRadius(gwh);
        return (
          <g key={gwh}>
            <circle cx={largest} cy={2 * largest - r} r={r} />
            <line x1={largest} x2={2 * largest + 6} y1={2 * largest - 2 * r} y2={2 * largest - 2 * r} />
            <text x={2 * largest + 9} y={2 * largest - 2 * r + 3.5}>{gwh}</text>
          </g>
        );
      })}
    </g>
  );
}
