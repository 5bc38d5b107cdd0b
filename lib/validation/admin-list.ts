import { z } from 'zod';

/** ?q=…&deleted=1 on admin lists; bad values fall back to the defaults. */
export const AdminListParamsSchema = z.object({
  // PostgreSQL cannot compare text with NUL (a database error, not "no match"); no control character belongs in a search.
  q: z.string().max(200).regex(/^[^\u0000-\u001F\u007F]*$/).catch('').default(''),
  deleted: z.preprocess((v) => v === '1', z.boolean()).catch(false),
});

/** A numeric route id (/admin/plants/12). */
export const RouteIdSchema = z.coerce.number().int().min(1).max(2_147_483_647);
