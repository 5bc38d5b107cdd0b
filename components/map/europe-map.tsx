import Link from 'next/link';
import { useId } from 'react';
import {
  COUNTRY_SPRITE_PATH, EUROPE_VIEW, MAP_HEIGHT, MAP_WIDTH, countryShapes, fitViewToPoints, gwhClass, markerRadius,
  projectPlant, spriteId,
} from '@/lib/domain/geo';
import type { PlantStatus } from '@/lib/domain/plant-status';
import { formatGwh } from '@/lib/format';
import { MapLegend, SizeKey } from './map-legend';
import { BORDER, NO_CAPACITY, SEA, SHADES } from './map-style';
import { MapTooltip } from './map-tooltip';
import { PlantMarker } from './plant-marker';
import styles from './europe-map.module.css';

export interface MapCountry { iso2: string; name: string; gwh: number }
export interface MapPlant {
  slug: string; name: string; operator: string; city: string; lat: number; lon: number;
  status: PlantStatus;
  /** Null: the plant counts, but its capacity is not disclosed (drawn at the smallest size). */
  gwh: number | null;
}
export interface EuropeMapProps {
  title: string;
  description: string;
  year: number;
  countries: MapCountry[];
  plants: MapPlant[];
  /** optional: zoom to these plants' bounding box (region pages) */
  focus?: 'europe' | 'plants';
  /** Where every plant of this view is listed, for when the map draws only the largest. */
  explorerHref?: string;
}

/** Past this many plants a map is unreadable (and the page heavy): the largest are drawn. */
export const MAX_MARKERS = 150;

/**
 * Europe as static SVG, rendered on the server: countries shaded by capacity, plants as circles
 * sized by capacity and coloured by status, each a link to its page. The only client JavaScript
 * is the one hover and focus label (MapTooltip); without it the markers still link and are named.
 */
export function EuropeMap({ title, description, year, countries, plants, focus = 'europe', explorerHref = '/plants' }: EuropeMapProps) {
  const id = useId();
  const view = focus === 'plants' ? fitViewToPoints(plants) : EUROPE_VIEW;
  const byIso = new Map(countries.map((c) => [c.iso2.toUpperCase(), c]));
  // Largest first, so smaller circles are drawn on top and stay clickable.
  const inView = plants
    .map((plant) => ({ plant, xy: projectPlant(plant.lat, plant.lon, view), r: markerRadius(plant.gwh ?? 0) }))
    .filter((m) => m.xy !== null)
    .sort((a, b) => (b.plant.gwh ?? 0) - (a.plant.gwh ?? 0) || a.plant.slug.localeCompare(b.plant.slug));
  const markers = inView.slice(0, MAX_MARKERS);
  const smaller = inView.length - markers.length;
  const hidden = plants.length - inView.length;
  const count = (n: number) => `${n} ${n === 1 ? 'plant' : 'plants'}`;
  const summary = `${description} ${count(markers.length)} shown, each a link to its page.`
    + (smaller > 0 ? ` The ${count(smaller)} with the least capacity are not drawn.` : '')
    + (hidden > 0 ? ` ${count(hidden)} outside this view not shown.` : '');

  return (
    <figure className={styles.figure}>
      <figcaption className={styles.caption}>
        <strong>{title}</strong> <span>{description}</span>
      </figcaption>
      {/* A group, not role="img": an img's children are presentational, which would hide the plant links. */}
      <svg
        className={styles.map} viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} role="group"
        aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        <rect width={MAP_WIDTH} height={MAP_HEIGHT} fill={SEA} />
        <g fill={NO_CAPACITY} stroke={BORDER} strokeWidth={0.6} strokeLinejoin="round">
          {countryShapes(view).map((shape) => {
            const value = shape.iso2 ? byIso.get(shape.iso2) : undefined;
            const shade = value ? SHADES[gwhClass(value.gwh)] : undefined;
            const title = value && <title>{`${value.name}: ${formatGwh(value.gwh)}/yr in ${year}`}</title>;
            // Europe's outlines come from a static file the browser caches; zoomed views are drawn
            // inline, simplified for their scale.
            return view === EUROPE_VIEW
              ? <use key={shape.key} href={`${COUNTRY_SPRITE_PATH}#${spriteId(shape)}`} fill={shade}>{title}</use>
              : <path key={shape.key} d={shape.d} fill={shade}>{title}</path>;
          })}
        </g>
        <SizeKey x={14} y={MAP_HEIGHT - 60} />
        <g className={styles.markers} fillOpacity={0.8} stroke="#ffffff" strokeWidth={0.8}>
          {markers.map(({ plant, xy, r }) => xy && (
            <PlantMarker key={plant.slug} plant={plant} x={xy[0]} y={xy[1]} r={r} year={year} />
          ))}
        </g>
      </svg>
      <MapTooltip />
      {smaller > 0 && (
        <p className={styles.caption}>
          The map draws the {MAX_MARKERS} plants with the most capacity in {year}; {count(smaller)} with less are
          listed in the <Link href={explorerHref}>plant explorer</Link>.
        </p>
      )}
      <MapLegend year={year} />
    </figure>
  );
}
