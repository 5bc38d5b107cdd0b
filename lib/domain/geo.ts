// Map geometry for the server-rendered Europe map: ISO codes, the projection, plant positions and
// simplified country outlines. Pure, but it imports the 50m world atlas (≈750 KB), so it must
// never reach a client bundle.
import 'server-only';
import { geoAzimuthalEqualArea, geoDistance, geoPath, type GeoContext, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, GeometryObject, MultiPolygon, Polygon, Topology } from 'topojson-specification';
import atlas from 'world-atlas/countries-50m.json';

/** ISO 3166-1 numeric (world-atlas feature ids) → alpha-2, for Europe and the neighbours in view. */
export const ISO_NUMERIC_TO_ALPHA2: Readonly<Record<string, string>> = {
  // EU and EEA
  '040': 'AT', '056': 'BE', '100': 'BG', '191': 'HR', '196': 'CY', '203': 'CZ', '208': 'DK', '233': 'EE',
  '246': 'FI', '250': 'FR', '276': 'DE', '300': 'GR', '348': 'HU', '352': 'IS', '372': 'IE', '380': 'IT',
  '428': 'LV', '438': 'LI', '440': 'LT', '442': 'LU', '470': 'MT', '528': 'NL', '578': 'NO', '616': 'PL',
  '620': 'PT', '642': 'RO', '703': 'SK', '705': 'SI', '724': 'ES', '752': 'SE',
  // Rest of Europe, dependencies and microstates
  '008': 'AL', '020': 'AD', '070': 'BA', '112': 'BY', '234': 'FO', '248': 'AX', '304': 'GL', '336': 'VA',
  '492': 'MC', '498': 'MD', '499': 'ME', '643': 'RU', '674': 'SM', '688': 'RS', '756': 'CH', '804': 'UA',
  '807': 'MK', '826': 'GB', '831': 'GG', '832': 'JE', '833': 'IM',
  // Caucasus, Türkiye, Central Asia, North Africa and the Middle East edge of the view
  '031': 'AZ', '051': 'AM', '268': 'GE', '398': 'KZ', '792': 'TR', '012': 'DZ', '434': 'LY', '504': 'MA',
  '788': 'TN', '818': 'EG', '275': 'PS', '364': 'IR', '368': 'IQ', '376': 'IL', '400': 'JO', '414': 'KW',
  '422': 'LB', '682': 'SA', '760': 'SY',
};
/** world-atlas gives Kosovo no numeric id; XK is the code the EU and most datasets use. */
const NAME_TO_ALPHA2: Readonly<Record<string, string>> = { Kosovo: 'XK' };

/** Width of the map in SVG user units; the height follows from the projected bounding box. */
export const MAP_WIDTH = 640;
/** The area that must be visible: Iceland and the Azores' east to Cyprus, Crete to the North Cape. */
const VIEW_BOUNDS = { west: -25, east: 45, south: 34, north: 72 };
// Lambert azimuthal equal-area on 10°E 52°N is ETRS89-LAEA (EPSG:3035), the EU's statistical map
// projection; equal area keeps the choropleth honest.
const CENTRE: [number, number] = [10, 52];
const baseProjection = (): GeoProjection => geoAzimuthalEqualArea().rotate([-CENTRE[0], -CENTRE[1]]);

const boundsOutline = {
  type: 'MultiPoint' as const,
  coordinates: Array.from({ length: 21 }, (_, i) => {
    const lon = VIEW_BOUNDS.west + ((VIEW_BOUNDS.east - VIEW_BOUNDS.west) * i) / 20;
    const lat = VIEW_BOUNDS.south + ((VIEW_BOUNDS.north - VIEW_BOUNDS.south) * i) / 20;
    return [[lon, VIEW_BOUNDS.south], [lon, VIEW_BOUNDS.north], [VIEW_BOUNDS.west, lat], [VIEW_BOUNDS.east, lat]];
  }).flat(),
};
const europe = baseProjection().fitWidth(MAP_WIDTH, boundsOutline);
export const MAP_HEIGHT = Math.ceil(geoPath(europe).bounds(boundsOutline)[1][1]);
europe.fitExtent([[0, 0], [MAP_WIDTH, MAP_HEIGHT]], boundsOutline);

/** A rectangle of the Europe map, scaled to MAP_WIDTH × MAP_HEIGHT: zoom 1 at origin 0,0 is all of it. */
export interface MapView { zoom: number; originX: number; originY: number }
export const EUROPE_VIEW: MapView = { zoom: 1, originX: 0, originY: 0 };

/** [x, y] in SVG user units, or null when the point is not a coordinate or falls outside the view. */
export function projectPlant(lat: number, lon: number, view: MapView = EUROPE_VIEW): [number, number] | null {
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  // Beyond 90° from the centre the azimuthal projection is on the far side of the globe.
  if (geoDistance([lon, lat], CENTRE) > Math.PI / 2) return null;
  const projected = europe([lon, lat]);
  if (!projected) return null;
  const x = (projected[0] - view.originX) * view.zoom;
  const y = (projected[1] - view.originY) * view.zoom;
  return x >= 0 && x <= MAP_WIDTH && y >= 0 && y <= MAP_HEIGHT ? [x, y] : null;
}

const MAX_ZOOM = 4;
/** The view framing these points with a margin, no closer than MAX_ZOOM; all of Europe when none is in view. */
export function fitViewToPoints(points: readonly { lat: number; lon: number }[]): MapView {
  const xy = points.map((p) => projectPlant(p.lat, p.lon)).filter((p) => p !== null);
  if (xy.length === 0) return EUROPE_VIEW;
  const xs = xy.map((p) => p[0]);
  const ys = xy.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const aspect = MAP_WIDTH / MAP_HEIGHT;
  const padded = (span: number) => span * 1.4 + 24;
  const width = Math.min(MAP_WIDTH, Math.max(padded(x1 - x0), padded(y1 - y0) * aspect, MAP_WIDTH / MAX_ZOOM));
  const height = width / aspect;
  const clamp = (v: number, max: number) => Math.min(Math.max(v, 0), max);
  return {
    zoom: MAP_WIDTH / width,
    originX: clamp((x0 + x1 - width) / 2, MAP_WIDTH - width),
    originY: clamp((y0 + y1 - height) / 2, MAP_HEIGHT - height),
  };
}

/** Classes of country capacity, in GWh/yr: below 10, 10–25, …, 200 and more. Fixed so years compare. */
export const GWH_BREAKS = [10, 25, 50, 100, 200] as const;
/** Index into the GWH_BREAKS classes (0 … GWH_BREAKS.length), or -1 for no capacity. */
export function gwhClass(gwh: number): number {
  return gwh > 0 ? GWH_BREAKS.filter((b) => gwh >= b).length : -1;
}

const MIN_RADIUS = 3;
/** Marker radius in SVG units: area proportional to GWh/yr (100 GWh → 16), never below MIN_RADIUS. */
export function markerRadius(gwh: number): number {
  return Math.max(MIN_RADIUS, 1.6 * Math.sqrt(Math.max(0, gwh)));
}

// ---- Country outlines -------------------------------------------------------------------------
// Douglas–Peucker on the topology's shared arcs (not per country), so neighbours keep one border.

const topology = atlas as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
type Position = [number, number];
/** Points kept at ≥ SIMPLIFY_TOLERANCE units from the simplified line, and rings of ≥ MIN_RING_AREA units². */
const SIMPLIFY_TOLERANCE = 0.6;
const MIN_RING_AREA = 2;

type Country = Polygon<{ name: string }> | MultiPolygon<{ name: string }>;
interface Atlas { arcs: Position[][]; significance: Float64Array[]; countries: Country[] }
let cachedAtlas: Atlas | undefined;

function loadAtlas(): Atlas {
  if (cachedAtlas) return cachedAtlas;
  const { scale, translate } = topology.transform ?? { scale: [1, 1], translate: [0, 0] };
  const arcs = topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx = 0, dy = 0]): Position => [(x += dx) * scale[0] + translate[0], (y += dy) * scale[1] + translate[1]]);
  });
  const arcIndexes = (g: GeometryObject): number[] =>
    (g.type === 'Polygon' ? g.arcs.flat() : g.type === 'MultiPolygon' ? g.arcs.flat(2) : []).map((i) => (i < 0 ? ~i : i));
  // Only countries whose extent reaches a generous box around the view; Russia spans ±180°.
  const countries = topology.objects.countries.geometries.filter((g): g is Country => {
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return false;
    let [west, east, south, north] = [Infinity, -Infinity, Infinity, -Infinity];
    for (const i of arcIndexes(g)) {
      for (const [lon, lat] of arcs[i] ?? []) {
        [west, east, south, north] = [Math.min(west, lon), Math.max(east, lon), Math.min(south, lat), Math.max(north, lat)];
      }
    }
    return east > -50 && west < 75 && north > 20 && south < 85;
  });
  const significance: Float64Array[] = [];
  for (const i of new Set(countries.flatMap(arcIndexes))) significance[i] = arcSignificance(arcs[i] ?? []);
  cachedAtlas = { arcs, significance, countries };
  return cachedAtlas;
}

/** For each point, the largest Douglas–Peucker tolerance (in Europe-view units) that keeps it. */
function arcSignificance(arc: Position[]): Float64Array {
  const pts = arc.map((p) => europe(p) ?? [Number.NaN, Number.NaN]);
  const sig = new Float64Array(arc.length);
  sig[0] = sig[arc.length - 1] = Infinity;
  const stack: [number, number, number][] = [[0, arc.length - 1, Infinity]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [i, j, parent] = item;
    if (j - i < 2) continue;
    const [ax, ay] = pts[i] as Position;
    const [bx, by] = pts[j] as Position;
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    let best = i + 1;
    let bestDistance = -1;
    for (let k = i + 1; k < j; k++) {
      const [px, py] = pts[k] as Position;
      const u = len2 === 0 ? 0 : Math.min(1, Math.max(0, ((px - ax) * dx + (py - ay) * dy) / len2));
      const d = Math.hypot(px - ax - u * dx, py - ay - u * dy);
      if (!(d <= bestDistance)) [best, bestDistance] = [k, d];
    }
    const significance = Number.isNaN(bestDistance) ? Infinity : Math.min(bestDistance, parent);
    sig[best] = significance;
    stack.push([i, best, significance], [best, j, significance]);
  }
  return sig;
}

/** Writes rings as compact relative SVG path data at 0.1-unit precision, dropping specks. */
class RingWriter implements GeoContext {
  private ring: Position[] = [];
  private out = '';
  beginPath() {}
  arc() {}
  moveTo(x: number, y: number) { this.ring = [[x, y]]; }
  lineTo(x: number, y: number) { this.ring.push([x, y]); }
  closePath() {
    const ring = this.ring;
    let area = 0;
    ring.forEach(([x, y], i) => {
      const [nx, ny] = ring[(i + 1) % ring.length] as Position;
      area += x * ny - nx * y;
    });
    if (Math.abs(area) / 2 < MIN_RING_AREA) return;
    const tenths = ring.map(([x, y]) => [Math.round(x * 10), Math.round(y * 10)] as const);
    const num = (t: number) => (t / 10).toString().replace(/^(-?)0\./, '$1.');
    const [first] = tenths;
    if (!first) return;
    let d = `M${num(first[0])} ${num(first[1])}l`;
    let [px, py] = first;
    let previous = '';
    for (const [x, y] of tenths.slice(1)) {
      if (x === px && y === py) continue;
      for (const token of [num(x - px), num(y - py)]) {
        // A separator is only needed where the next number could be read as part of the last one.
        const joins = !previous || token.startsWith('-') || (token.startsWith('.') && previous.includes('.'));
        d += (joins ? '' : ' ') + token;
        previous = token;
      }
      [px, py] = [x, y];
    }
    this.out += `${d}z`;
  }
  result(): string {
    const out = this.out;
    this.out = '';
    return out;
  }
}

export interface CountryShape { key: string; iso2: string | null; name: string; d: string }
const shapeCache = new Map<string, CountryShape[]>();

/** Outlines of the countries visible in the view, clipped to it, in SVG user units. */
export function countryShapes(view: MapView = EUROPE_VIEW): CountryShape[] {
  const cacheKey = `${view.zoom}:${view.originX}:${view.originY}`;
  const cached = shapeCache.get(cacheKey);
  if (cached) return cached;
  const { arcs, significance, countries } = loadAtlas();
  const tolerance = SIMPLIFY_TOLERANCE / view.zoom;
  const simplified: Position[][] = [];
  significance.forEach((sig, i) => { simplified[i] = (arcs[i] ?? []).filter((_, k) => (sig[k] ?? 0) >= tolerance); });
  const topo = { type: 'Topology', arcs: simplified, objects: {} } as Topology;
  const [tx, ty] = europe.translate();
  const projection = baseProjection()
    .scale(europe.scale() * view.zoom)
    .translate([(tx - view.originX) * view.zoom, (ty - view.originY) * view.zoom])
    .clipExtent([[0, 0], [MAP_WIDTH, MAP_HEIGHT]]);
  const writer = new RingWriter();
  const path = geoPath(projection, writer);
  const shapes: CountryShape[] = [];
  for (const geometry of countries) {
    path(feature(topo, geometry));
    const d = writer.result();
    const name = geometry.properties?.name ?? '';
    const id = geometry.id === undefined ? undefined : String(geometry.id);
    const iso2 = (id === undefined ? NAME_TO_ALPHA2[name] : ISO_NUMERIC_TO_ALPHA2[id]) ?? null;
    if (d) shapes.push({ key: id ?? name, iso2, name, d });
  }
  if (shapeCache.size >= 64) shapeCache.clear();
  shapeCache.set(cacheKey, shapes);
  return shapes;
}

/** The Europe view's country outlines as a static file that pages reference with <use>. */
export const COUNTRY_SPRITE_PATH = '/map/europe-countries.svg';

/** The id of a country's outline in the sprite (letters and digits of its key). */
export const spriteId = (shape: Pick<CountryShape, 'key'>) => `c${shape.key.replace(/[^A-Za-z0-9]/g, '')}`;

/**
 * The Europe view's outlines (countryShapes(EUROPE_VIEW), unchanged) as one SVG document. The
 * dashboard draws them by reference, so the ~30 KB of path data is fetched once and cached by
 * the browser instead of riding in every page (and again in its RSC payload). Written to
 * public/ by `npm run map:sprite`; a unit test checks the committed file is current.
 */
export function europeCountrySprite(): string {
  const paths = countryShapes(EUROPE_VIEW).map((shape) => `<path id="${spriteId(shape)}" d="${shape.d}"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}">\n${paths.join('\n')}\n</svg>\n`;
}
