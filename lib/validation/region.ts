import { z } from 'zod';
import { RegionLevelSchema } from './fields';
import { choice, id, optionalText, slugField, text, version } from './form-fields';

export const RegionInputSchema = z.object({
  name: text(200),
  slug: slugField,
  level: choice(RegionLevelSchema.options),
  /** ISO 3166-1 alpha-2 for countries, the NUTS code below. */
  code: optionalText(10),
  parentId: id,
});
export type RegionInput = z.infer<typeof RegionInputSchema>;

/** Name and code only: slug, level and parent fix the region's place in the tree and in links. */
export const RegionUpdateSchema = z.object({ name: text(200), code: optionalText(10), version });
export type RegionUpdate = z.infer<typeof RegionUpdateSchema>;
