// npm run map:sprite — writes the Europe view's country outlines to public/ (lib/domain/geo.ts
// europeCountrySprite). Run it after changing the atlas, the projection or the simplification;
// tests/unit/geo-sprite.test.ts fails while the committed file is out of date.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { COUNTRY_SPRITE_PATH, europeCountrySprite } from '../../lib/domain/geo';

const file = path.join(import.meta.dirname, '../../public', COUNTRY_SPRITE_PATH);
writeFileSync(file, europeCountrySprite());
console.log(`wrote ${path.relative(process.cwd(), file)}`);
