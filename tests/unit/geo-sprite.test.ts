import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COUNTRY_SPRITE_PATH, countryShapes, EUROPE_VIEW, europeCountrySprite, spriteId } from '@/lib/domain/geo';

describe('the Europe country sprite', () => {
  it('is committed as the code makes it (run `npm run map:sprite` after changing the map)', () => {
    const committed = readFileSync(path.join(process.cwd(), 'public', COUNTRY_SPRITE_PATH), 'utf8');
    expect(committed).toBe(europeCountrySprite());
  });

  it('holds every outline of the Europe view once, under an id the map can reference', () => {
    const shapes = countryShapes(EUROPE_VIEW);
    const ids = shapes.map(spriteId);
    expect(new Set(ids).size).toBe(shapes.length);
    for (const id of ids) expect(id).toMatch(/^c[A-Za-z0-9]+$/);
    const sprite = europeCountrySprite();
    for (const shape of shapes) expect(sprite).toContain(`<path id="${spriteId(shape)}" d="${shape.d}"/>`);
    expect(shapes.some((s) => s.iso2 === 'FR')).toBe(true);
  });
});
