// Request bodies of the API's write endpoints: typed JSON, checked here for shape and types, then
// handed to the admin forms' own schema (lib/validation/capacity-announcement.ts) in the data layer,
// so an API write obeys exactly the rules an admin form does.
import { z } from 'zod';
import {
  CapacityScopeSchema, ChemistryFamilySchema, ConfidenceSchema, DatePrecisionSchema, FacilityTypeSchema, GwhSchema, IsoDateSchema,
  SegmentSchema, SourceTierSchema, UrlSchema, YearSchema,
} from '../fields';
import { PlantUpdateSchema } from '../plant';
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
    publishedOn: IsoDateSchema.meta({ description: 'The day the page was published: no fact citing it is known before.' }),
    language: z.string().regex(/^[a-z]{2}$/, { error: 'a two-letter language code (ISO 639-1), e.g. fr' }).optional()
      .meta({ description: 'ISO 639-1 code of the page’s language.' }),
    tier: SourceTierSchema.optional().meta({ description: 'primary (company, regulator, court), major (wire, national press), trade (default), weak (never a figure’s only basis).' }),
  }),
], { error: 'either { "id": <source id> } or { "url", "publisher", "title", "publishedOn" } for a new source' });

export const AnnouncementBodySchema = named('AnnouncementInput', z.strictObject({
  scope: CapacityScopeSchema.optional().meta({ description: 'milestone (default): a figure for targetYear; long_term: a build-out figure without a year.' }),
  targetYear: YearSchema.nullable().optional(),
  gwhPerYear: GwhSchema,
  announcedOn: IsoDateSchema,
  knownOn: IsoDateSchema.optional().meta({ description: 'The day the figure became public, if later than announcedOn and the source’s publication; default: the later of the two.' }),
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
    knownOn: body.knownOn ?? '',
    datePrecision: body.datePrecision ?? 'day',
    confidence: body.confidence,
    note: body.note ?? null,
    source: 'id' in s
      ? { sourceId: s.id }
      : {
          sourceId: 'new', newSourceUrl: s.url, newSourcePublisher: s.publisher, newSourceTitle: s.title, newSourcePublishedOn: s.publishedOn,
          newSourceLanguage: s.language ?? '', newSourceTier: s.tier ?? '',
        },
  };
}

/** The admin schema's field names as the API body's paths. */
export function apiFieldPath(formPath: string): string {
  const map: Record<string, string> = {
    sourceId: 'source.id', 'source.sourceId': 'source.id',
    newSourceUrl: 'source.url', newSourcePublisher: 'source.publisher', newSourceTitle: 'source.title', newSourcePublishedOn: 'source.publishedOn',
    newSourceLanguage: 'source.language', newSourceTier: 'source.tier',
  };
  const bare = formPath.replace(/^source\.(?=newSource)/, '');
  return map[bare] ?? map[formPath] ?? formPath;
}

// PATCH /plants/{slug}: the admin plant form's own field schemas (lib/validation/plant.ts), each
// optional, plus the version the client read. The data layer fills the fields not sent with the
// plant's current values and parses the whole with the form's schema (cross-field rules included).
const { version: plantVersion, ...plantFields } = PlantUpdateSchema.shape;

export const PlantUpdateBodySchema = named('PlantUpdateInput', z.strictObject(plantFields).partial().extend({
  version: plantVersion.meta({ description: 'The plant’s version as last read (the `version` of a previous PATCH answer). A stale one is a 409 conflict; nothing is written.' }),
}), 'A partial edit of a plant: send `version` and only the fields to change; the others keep their current values. `regionId` is a record id; `slug`/`ref` null keeps the current one. Same rules as the admin form. Status, operator and capacity change only through dated facts (status events, operator changes, announcements).');

export type PlantUpdateBody = z.infer<typeof PlantUpdateBodySchema>;

export const UpdatedPlantDataSchema = z.object({
  ref: z.string(),
  slug: z.string(),
  name: z.string(),
  /** The current operator (read-only here: a change of operator is a dated fact). */
  operatorId: z.int(),
  city: z.string(),
  regionId: z.int(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  locationApproximate: z.boolean(),
  chemistry: z.string().nullable(),
  chemistryFamily: ChemistryFamilySchema,
  segment: SegmentSchema,
  facilityType: FacilityTypeSchema,
  inCellTotals: z.boolean(),
  startYear: z.int().nullable(),
  confidence: ConfidenceSchema,
  notes: z.string().nullable(),
  version: z.int().min(1),
  updatedAt: z.iso.datetime(),
});

export type UpdatedPlantData = z.infer<typeof UpdatedPlantDataSchema>;

export const UpdatedPlantSchema = named('UpdatedPlant', z.object({ data: UpdatedPlantDataSchema }),
  'The plant’s editable fields as stored after the edit, with its new version.');
