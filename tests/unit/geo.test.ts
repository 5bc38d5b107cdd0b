import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EuropeMap, type EuropeMapProps, type MapPlant } from '@/components/map/europe-map';
import {
  EUROPE_VIEW, GWH_BREAKS, ISO_NUMERIC_TO_ALPHA2, MAP_HEIGHT, MAP_WIDTH, countryShapes, fitViewToPoints, gwhClass, markerRadius, projectPlant,
} from '@/lib/domain/geo';
import { PLANT_STATUSES } from '@/lib/domain/plant-status';
import { SHADES } from '@/components/map/map-style';

const REQUIRED = ['FR', 'DE', 'PL', 'HU', 'ES', 'SE', 'NO', 'FI', 'GB', 'IT', 'PT', 'CZ', 'SK', 'BE', 'NL', 'AT', 'RS', 'TR', 'CH', 'IE', 'DK', 'RO'];

const at = (lat: number, lon: number): [number, number] => {
  const xy = projectPlant(lat, lon);
  if (!xy) throw new Error(`${lat},${lon} is outside the map`);
  return xy;
};

const plant = (slug: string, lat: number, lon: number, gwh: number, status: MapPlant['status'] = 'operational'): MapPlant =>
  ({ slug, name: `Plant ${slug}`, operator: 'Operator', city: 'City', lat, lon, status, gwh });

const render = (props: Partial<EuropeMapProps> & Pick<EuropeMapProps, 'plants'>) =>
  renderToStaticMarkup(createElement(EuropeMap, {
    title: 'Battery-cell plants', description: 'Capacity by country.', year: 2026, countries: [], ...props,
  }));

describe('ISO numeric → alpha-2', () => {
  it('covers every country a plant may be in', () => {
    const codes = Object.values(ISO_NUMERIC_TO_ALPHA2);
    for (const code of REQUIRED) expect(codes, code).toContain(code);
    expect(ISO_NUMERIC_TO_ALPHA2['250']).toBe('FR');
    expect(new Set(codes).size).toBe(codes.length);
  });
  it('joins to an outline in the Europe view for each of them', () => {
    const drawn = new Set(countryShapes().map((s) => s.iso2));
    for (const code of [...REQUIRED, 'XK', 'CY']) expect(drawn, code).toContain(code);
  });
});

describe('projectPlant', () => {
  it('keeps compass order: Paris west of Berlin and south of Oslo', () => {
    const paris = at(48.86, 2.35);
    expect(paris[0]).toBeLessThan(at(52.52, 13.4)[0]);
    expect(paris[1]).toBeGreaterThan(at(59.91, 10.75)[1]);
  });
  it('fits the corners of the plant map inside the view', () => {
    for (const [lat, lon] of [[64.75, 20.95], [38.72, -9.14], [64.15, -21.94], [35.17, 33.36], [70.66, 23.68]] as const) {
      const [x, y] = at(lat, lon);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(MAP_WIDTH);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(MAP_HEIGHT);
    }
  });
  it('returns null for impossible or far-away coordinates', () => {
    expect(projectPlant(0, 100)).toBeNull();
    expect(projectPlant(-33, 151)).toBeNull();
    expect(projectPlant(40.7, -74)).toBeNull();
    expect(projectPlant(95, 0)).toBeNull();
    expect(projectPlant(Number.NaN, 10)).toBeNull();
  });
});

describe('fitViewToPoints', () => {
  it('zooms in on a region and keeps its plants inside', () => {
    const hungary = [{ lat: 47.68, lon: 19.13 }, { lat: 47.53, lon: 21.63 }, { lat: 47.1, lon: 18.9 }];
    const view = fitViewToPoints(hungary);
    expect(view.zoom).toBeGreaterThan(2);
    for (const p of hungary) expect(projectPlant(p.lat, p.lon, view)).not.toBeNull();
    expect(projectPlant(64.75, 20.95, view)).toBeNull();
  });
  it('caps the zoom for a single plant and falls back to Europe with none', () => {
    expect(fitViewToPoints([{ lat: 50.95, lon: 2.2 }]).zoom).toBe(4);
    expect(fitViewToPoints([])).toEqual(EUROPE_VIEW);
  });
});

describe('scales', () => {
  it('puts capacity into fixed classes, with none for zero', () => {
    expect([0, 5, 10, 24.9, 25, 100, 250].map(gwhClass)).toEqual([-1, 0, 1, 1, 2, 4, 5]);
    expect(SHADES).toHaveLength(GWH_BREAKS.length + 1);
  });
  it('sizes markers by area with a visible minimum', () => {
    expect(markerRadius(0)).toBe(3);
    expect(markerRadius(100) / markerRadius(25)).toBeCloseTo(2);
  });
});

describe('EuropeMap', () => {
  // ~60 plants spread over the continent, with realistic label lengths.
  const many = Array.from({ length: 60 }, (_, i) => ({
    ...plant(`plant-${i}`, 40 + ((i * 7) % 22), -8 + ((i * 13) % 36), (i * 17) % 100, PLANT_STATUSES[i % PLANT_STATUSES.length]),
    name: `Gigafactory number ${i}`, city: `Somewhere-on-Oder ${i}`,
  }));

  it('links every plant once to its page, within the size budget', () => {
    const html = render({ plants: many, countries: [{ iso2: 'DE', name: 'Germany', gwh: 120 }] });
    expect(html.match(/<a /g)).toHaveLength(many.length);
    for (const p of many) expect(html).toContain(`href="/plants/${p.slug}"`);
    expect(html.length).toBeLessThan(80_000);
  });
  it('names each link with its figures and draws larger plants first', () => {
    const html = render({ plants: [plant('small', 50.95, 2.2, 4), plant('verkor-dunkirk', 50.95, 2.2, 16)] });
    const label = 'aria-label="Plant verkor-dunkirk, City — operational, 16 GWh/yr in 2026"';
    expect(html).toContain(label);
    expect(html.indexOf(label)).toBeLessThan(html.indexOf('href="/plants/small"'));
  });
  it('leaves out plants outside the view and says so', () => {
    const html = render({ plants: [plant('in-view', 50.95, 2.2, 4), plant('sydney', -33.9, 151.2, 4)] });
    expect(html).not.toContain('/plants/sydney');
    expect(html).toContain('1 plant shown, each a link to its page. 1 plant outside this view not shown.');
  });
  it('shades countries with a value and titles them', () => {
    const html = render({ plants: [], countries: [{ iso2: 'fr', name: 'France', gwh: 39.4 }] });
    expect(html).toContain('<title>France: 39.4 GWh/yr in 2026</title>');
  });
});
