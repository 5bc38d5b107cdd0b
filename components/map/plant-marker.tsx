import { STATUS_LABELS } from '@/lib/domain/plant-status';
import { formatGwh } from '@/lib/format';
import { STATUS_COLORS } from './map-style';
import type { MapPlant } from './europe-map';

interface PlantMarkerProps { plant: MapPlant; x: number; y: number; r: number; year: number }

const round = (v: number) => Math.round(v * 10) / 10;

/**
 * One plant: a link to its page, named for assistive technology and for the map's one label
 * (map-tooltip.tsx), which shows this name on hover and focus.
 */
export function PlantMarker({ plant, x, y, r, year }: PlantMarkerProps) {
  const label = `${plant.name}, ${plant.city} — ${STATUS_LABELS[plant.status].toLowerCase()}, ${plant.gwh === null ? 'capacity not disclosed' : `${formatGwh(plant.gwh)}/yr`} in ${year}`;
  const cancelled = plant.status === 'cancelled';

  return (
    <a href={`/plants/${plant.slug}`} aria-label={label}>
      {/* Attributes only where needed: every one is repeated in the page's RSC payload. */}
      <circle
        cx={round(x)} cy={round(y)} r={round(r)}
        {...(cancelled
          ? { fill: '#ffffff', fillOpacity: 0.5, stroke: STATUS_COLORS.cancelled, strokeWidth: 2 }
          : { fill: STATUS_COLORS[plant.status] })}
      />
    </a>
  );
}
