// Request bodies of the API's write endpoints: typed JSON, checked here for shape and types, then
// handed to the admin forms' own schema (lib/validation/capacity-announcement.ts) in the data layer,
// so an API write obeys exactly the rules an admin form does.
import { z } from 'zod';
import { CapacityScopeSchema, ConfidenceSchema, DatePrecisionSchema, GwhSchema, IsoDateSchema, UrlSchema, YearSchema } from '../fields';
import { named } from './common';

// C0 controls but tab, newline and return: PostgreSQL refuses NUL in text, and the rest is noise.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const text = (max: number) => z.string().trim().min(1, { error: 'must not be empty' }).max(max, { error: `at most ${max} characters` })
  .refine((s) => !CONTROL.test(s), { error: 'control characters are not allowed' });

export const ApiSourceChoiceSchema = z.union([
  z.strictObject({ id: z.int().min(1).meta({ description: 'An existing source (GET /api/v1/sources).' }) }),
  z.strictObject({
    url: UrlSchema,
    publisher: text(200),
    title: text(500),
    publishedOn: IsoDateSchema.nullable().optional(),
  }),
], { error: 'either { "id": <source id> } or { "url", "publisher", "title", "publishedOn" } for a new source' });

export const AnnouncementBodySchema = named('AnnouncementInput', z.strictObject({
  scope: CapacityScopeSchema.optional().meta({ description: 'milestone (default): a figure for targetYear; long_term: a build-out figure without a year.' }),
  targetYear: YearSchema.nullable().optional(),
  gwhPerYear: GwhSchema,
  announcedOn: IsoDateSchema,
  datePrecision: DatePrecisionSchema.optional().meta({ description: 'How precise announcedOn is; default day.' }),
  confidence: ConfidenceSchema,
  note: text(4000).nullable().optional(),
  source: ApiSourceChoiceSchema,
}), 'A new capacity figure for the plant, as announced on a date, with its source. Figures are never overwritten: this adds a row.');

export type AnnouncementBody = z.infer<typeof AnnouncementBodySchema>;

export const CreatedAnnouncementSchema = named('CreatedAnnouncement', z.object({
  data: z.object({ id: z.int(), ref: z.string(), plant: z.string() }),
}));

/** The body as the admin form's input (lib/validation/capacity-announcement.ts). */
export function announcementFormInput(body: AnnouncementBody, plantId: number): Record<string, unknown> {
  const s = body.source;
  return {
    plantId,
    scope: body.scope ?? 'milestone',
    targetYear: body.targetYear ?? null,
    gwhPerYear: body.gwhPerYear,
    announcedOn: body.announcedOn,
    datePrecision: body.datePrecision ?? 'day',
    confidence: body.confidence,
    note: body.note ?? null,
    source: 'id' in s
      ? { sourceId: s.id }
      : { sourceId: 'new', newSourceUrl: s.url, newSourcePublisher: s.publisher, newSourceTitle: s.title, newSourcePublishedOn: s.publishedOn ?? '' },
  };
}

/** The admin schema's field names as the API body's paths. */
export function apiFieldPath(formPath: string): string {
  const map: Record<string, string> = {
    sourceId: 'source.id', 'source.sourceId': 'source.id',
    newSourceUrl: 'source.url', newSourcePublisher: 'source.publisher', newSourceTitle: 'source.title', newSourcePublishedOn: 'source.publishedOn',
  };
  const bare = formPath.replace(/^source\.(?=newSource)/, '');
  return map[bare] ?? map[formPath] ?? formPath;
}
