// Every public API operation, described once: the OpenAPI document (lib/api/openapi.ts), the docs
// page (/api) and the contract tests read this list. Parameters and bodies are the same zod
// schemas the route handlers parse with; responses are the schemas their bodies must match.
import type { z } from 'zod';
import { capacityQueryShape, CapacitySeriesSchema, summaryQueryShape, SummarySchema } from '../validation/api/capacity';
import { ChangeListSchema, changesQueryShape, feedQueryShape } from '../validation/api/changes';
import {
  CompanyDetailResponseSchema, CompanyListSchema, ContractListSchema, contractsQueryShape, detailQueryShape, listQueryShape,
  RegionDetailSchema, RegionListSchema, regionsQueryShape, SourceListSchema,
} from '../validation/api/directory';
import { PlantDetailResponseSchema, PlantListSchema, plantsQueryShape } from '../validation/api/plants';
import type { QueryShape } from '../validation/api/query';
import { SnapshotListSchema } from '../validation/api/downloads';
import { AnnouncementBodySchema, CreatedAnnouncementSchema, PlantUpdateBodySchema, UpdatedPlantSchema } from '../validation/api/writes';

export type MediaKind = 'json' | 'csv' | 'atom' | 'zip';

export interface Endpoint {
  method: 'GET' | 'POST' | 'PATCH';
  /** OpenAPI path under /api/v1, e.g. /plants/{slug}. */
  path: string;
  operationId: string;
  tag: 'Plants' | 'Companies' | 'Regions' | 'Contracts' | 'Sources' | 'Capacity' | 'Changes' | 'Downloads' | 'Meta';
  summary: string;
  description: string;
  query: (today: string) => QueryShape;
  pathParams?: { name: string; description: string; example: string }[];
  /** The 200/201 body: a registered schema for JSON; other media are files. */
  response: z.ZodType | null;
  media: MediaKind[];
  status?: 200 | 201;
  body?: z.ZodType;
  /** Needs an API key with the write scope. */
  write?: boolean;
  paginated?: boolean;
  /** A working example: path and query, for the docs' curl lines and the contract tests. */
  example: string;
}

const slug = (what: string, example: string) => [{ name: 'slug', description: `The ${what}'s slug.`, example }];
const none = () => ({});

export const ENDPOINTS: Endpoint[] = [
  {
    method: 'GET', path: '/plants', operationId: 'listPlants', tag: 'Plants', summary: 'List plants',
    description: 'The explorer’s filtered plant list with capacity now, in a chosen year and in 2030 under a scenario. Repeat a parameter to select several values (OR); different parameters combine with AND.',
    query: plantsQueryShape, response: PlantListSchema, media: ['json', 'csv'], paginated: true,
    example: '/plants?country=DE&status=operational&sort=now&limit=5',
  },
  {
    method: 'GET', path: '/plants/{slug}', operationId: 'getPlant', tag: 'Plants', summary: 'One plant',
    description: 'A plant with partners, its dated status history, every capacity announcement (superseded ones included), contracts and sources.',
    query: () => detailQueryShape, pathParams: slug('plant', 'northvolt-ett'), response: PlantDetailResponseSchema, media: ['json'],
    example: '/plants/northvolt-ett',
  },
  {
    method: 'PATCH', path: '/plants/{slug}', operationId: 'updatePlant', tag: 'Plants', summary: 'Edit a plant',
    description: 'Changes a plant’s fields: send the `version` you last read and only the fields to change (the others keep their values). A stale `version` is a 409 naming who changed the plant last and when; nothing is written. Needs an API key with the write scope, created by an editor; the change is recorded in the audit log under that editor’s name. Same rules as the admin form.',
    query: none, pathParams: slug('plant', 'northvolt-ett'), body: PlantUpdateBodySchema, response: UpdatedPlantSchema,
    media: ['json'], status: 200, write: true,
    example: '/plants/northvolt-ett',
  },
  {
    method: 'POST', path: '/plants/{slug}/announcements', operationId: 'createAnnouncement', tag: 'Plants', summary: 'Add a capacity announcement',
    description: 'Adds a capacity figure as announced on a date, with its source (existing or new). Needs an API key with the write scope, created by an editor; the change is recorded in the audit log under that editor’s name. Same rules as the admin form.',
    query: none, pathParams: slug('plant', 'northvolt-ett'), body: AnnouncementBodySchema, response: CreatedAnnouncementSchema,
    media: ['json'], status: 201, write: true,
    example: '/plants/northvolt-ett/announcements',
  },
  {
    method: 'GET', path: '/companies', operationId: 'listCompanies', tag: 'Companies', summary: 'List companies',
    description: 'Every company, A–Z, with the plants it operates, the stakes it holds and its contracts.',
    query: () => listQueryShape, response: CompanyListSchema, media: ['json', 'csv'], paginated: true,
    example: '/companies?limit=20',
  },
  {
    method: 'GET', path: '/companies/{slug}', operationId: 'getCompany', tag: 'Companies', summary: 'One company',
    description: 'A company with its group, succession (e.g. Northvolt → Lyten) and the plants it operates or holds a stake in.',
    query: () => detailQueryShape, pathParams: slug('company', 'northvolt'), response: CompanyDetailResponseSchema, media: ['json'],
    example: '/companies/northvolt',
  },
  {
    method: 'GET', path: '/regions', operationId: 'listRegions', tag: 'Regions', summary: 'List regions',
    description: 'Regions that hold at least one plant — macro-regions, countries, NUTS regions — in tree order. Any of their slugs works as a `region` filter elsewhere.',
    query: () => regionsQueryShape, response: RegionListSchema, media: ['json', 'csv'], paginated: true,
    example: '/regions?level=country',
  },
  {
    method: 'GET', path: '/regions/{slug}', operationId: 'getRegion', tag: 'Regions', summary: 'One region',
    description: 'A region with its ancestors, sub-regions holding plants, and figures quoted for the whole region.',
    query: () => detailQueryShape, pathParams: slug('region', 'hauts-de-france'), response: RegionDetailSchema, media: ['json'],
    example: '/regions/hauts-de-france',
  },
  {
    method: 'GET', path: '/contracts', operationId: 'listContracts', tag: 'Contracts', summary: 'List contracts',
    description: 'Offtake and supply contracts, newest signature first, with parties, term, volume and sources.',
    query: () => contractsQueryShape, response: ContractListSchema, media: ['json', 'csv'], paginated: true,
    example: '/contracts?status=active&limit=10',
  },
  {
    method: 'GET', path: '/sources', operationId: 'listSources', tag: 'Sources', summary: 'List sources',
    description: 'Every dated source the figures cite, newest first.',
    query: () => listQueryShape, response: SourceListSchema, media: ['json', 'csv'], paginated: true,
    example: '/sources?limit=10',
  },
  {
    method: 'GET', path: '/capacity', operationId: 'getCapacity', tag: 'Capacity', summary: 'Capacity time series',
    description: 'Capacity per group and year (GWh/yr) — the dashboard’s chart, computed by the same SQL — for any scenario, weights, as-of date, region and year range. The weights use the dashboard’s URL names, so a dashboard link’s query string works here.',
    query: capacityQueryShape, response: CapacitySeriesSchema, media: ['json', 'csv'],
    example: '/capacity?region=hauts-de-france&group=company&scenario=risk_weighted',
  },
  {
    method: 'GET', path: '/summary', operationId: 'getSummary', tag: 'Capacity', summary: 'Headline figures',
    description: 'Europe’s operational capacity now, announced and risk-weighted capacity for 2030, and plants per status, as known on a date.',
    query: summaryQueryShape, response: SummarySchema, media: ['json'],
    example: '/summary?asOf=2024-01-01',
  },
  {
    method: 'GET', path: '/changes', operationId: 'listChanges', tag: 'Changes', summary: 'What changed',
    description: 'New plants, status changes, capacity announcements (with the figure each replaced) and new contracts, newest first, each with its source.',
    query: () => changesQueryShape, response: ChangeListSchema, media: ['json', 'csv'], paginated: true,
    example: '/changes?kind=capacity&limit=10',
  },
  {
    method: 'GET', path: '/changes.atom', operationId: 'changesFeed', tag: 'Changes', summary: 'Atom feed of changes',
    description: 'The same changes as an Atom feed for feed readers; follow a region or a company with `region` and `company`. Also at /feed.xml.',
    query: () => feedQueryShape, response: null, media: ['atom'],
    example: '/changes.atom?region=hauts-de-france',
  },
  {
    method: 'GET', path: '/download/dataset.zip', operationId: 'downloadDatasetZip', tag: 'Downloads', summary: 'The whole dataset (zip of CSV)',
    description: 'One CSV per table (plants, capacity announcements, status events, contracts, companies, partners, regions, region claims, sources — with the source of every figure), a data dictionary (README.txt), the CC BY 4.0 notice (LICENSE.txt) and dataset.json.',
    query: none, response: null, media: ['zip'],
    example: '/download/dataset.zip',
  },
  {
    method: 'GET', path: '/download/dataset.json', operationId: 'downloadDatasetJson', tag: 'Downloads', summary: 'The whole dataset (JSON)',
    description: 'Every table as typed JSON rows, with the data dictionary and licence.',
    query: none, response: null, media: ['json'],
    example: '/download/dataset.json',
  },
  {
    method: 'GET', path: '/download/snapshots', operationId: 'listSnapshots', tag: 'Downloads', summary: 'Dated snapshots',
    description: 'The dated, immutable snapshots of the dataset, newest first, for citations that must not change.',
    query: () => detailQueryShape, response: SnapshotListSchema, media: ['json'],
    example: '/download/snapshots',
  },
  {
    method: 'GET', path: '/download/snapshots/{file}', operationId: 'downloadSnapshot', tag: 'Downloads', summary: 'One dated snapshot',
    description: 'A snapshot as it was taken: `<YYYY-MM-DD>.zip` or `<YYYY-MM-DD>.json`. Never changes.',
    query: none, pathParams: [{ name: 'file', description: 'The snapshot date and format, e.g. 2026-11-28.zip.', example: '2026-11-28.zip' }],
    response: null, media: ['zip', 'json'],
    example: '/download/snapshots/2026-11-28.zip',
  },
  {
    method: 'GET', path: '/openapi.json', operationId: 'getOpenApi', tag: 'Meta', summary: 'This API’s OpenAPI 3.1 document',
    description: 'Generated from the schemas the handlers validate with.',
    query: none, response: null, media: ['json'],
    example: '/openapi.json',
  },
];
