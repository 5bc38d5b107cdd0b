import { STATUS_LABELS } from '@/lib/domain/plant-status';
import { MAP_HEIGHT, MAP_WIDTH } from '@/lib/domain/geo';
import { formatGwh } from '@/lib/format';
import { STATUS_COLORS } from './map-style';
import type { MapPlant } from './europe-map';

interface PlantMarkerProps { plant: MapPlant; x: number; y: number; r: number; year: number }

const FONT = 9.5;
const LINE = 12;
const PAD = 5;
const round = (v: number) => Math.round(v * 10) / 10;

/** One plant: a link to its page, a hover title, and a label that CSS shows on hover and focus. */
export function PlantMarker({ plant, x, y, r, year }: PlantMarkerProps) {
  const status = STATUS_LABELS[plant.status];
  const capacity = `${formatGwh(plant.gwh)}/yr in ${year}`;
  const label = `${plant.name}, ${plant.city} — ${status.toLowerCase()}, ${capacity}`;
  const detail = `${plant.city} · ${status} · ${formatGwh(plant.gwh)}/yr`;
  // No text measurement on the server: a generous average glyph width keeps the label inside its box.
  const width = Math.ceil(Math.max(plant.name.length * 0.62, detail.length * 0.55) * FONT) + 2 * PAD;
  const height = 2 * LINE + PAD;
  const boxX = round(Math.min(Math.max(x - width / 2, 2), MAP_WIDTH - width - 2));
  const above = y - r - 6 - height;
  const boxY = round(above >= 2 ? above : Math.min(y + r + 6, MAP_HEIGHT - height - 2));
  const cancelled = plant.status === 'cancelled';

  return (
    <a href={`/plants/${plant.slug}`} aria-label={label}>
      <title>{label}</title>
      <circle
        cx={round(x)} cy={round(y)} r={round(r)}
        fill={cancelled ? '#ffffff' : STATUS_COLORS[plant.status]}
        fillOpacity={cancelled ? 0.5 : undefined}
        stroke={cancelled ? STATUS_COLORS.cancelled : undefined}
        strokeWidth={cancelled ? 2 : undefined}
      />
      <g aria-hidden="true" visibility="hidden">
        <rect x={boxX} y={boxY} width={width} height={height} rx={3} />
        <text x={boxX + PAD} y={boxY + PAD / 2 + LINE - 3}>
          <tspan fontWeight={600}>{plant.name}</tspan>
          <tspan x={boxX + PAD} dy={LINE}>{detail}</tspan>
        </text>
      </g>
    </a>
  );
}
