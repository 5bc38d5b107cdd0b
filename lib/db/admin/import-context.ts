import 'server-only';
import { Prisma } from '../../generated/prisma/client';
import { endOfPeriod } from '../../domain/dates';
import { todayIso } from '../../validation/capacity';
import type { RowError } from '../../validation/import';
import type { AuditActor, AuditEntry } from './audit';
import type { Tx } from './transaction';

export type PlanStatus = 'new' | 'changed' | 'unchanged' | 'error';
export interface PlanChange { field: string; before: string; after: string }
export interface PlanRow { row: number; ref: string; status: PlanStatus; errors: RowError[]; changes: PlanChange[] }

/** A file's rows as planned, and the batched writes that carry out its new and changed ones. */
export interface KindPlan { rows: PlanRow[]; write: (tx: Tx, run: ApplyContext) => Promise<void> }

export interface ApplyContext {
  who: AuditActor;
  /** Sources the file creates, by pick key: each is created once, before the rows citing it. */
  sourceIds: Map<string, number>;
  /** Audit rows in the order of the changes they record; inserted together at the end. */
  audits: AuditEntry[];
}

type SourceCols = {
  source_url: string | null; source_publisher: string | null; source_title: string | null; source_published_on: string | null;
  source_language: string | null; source_tier: 'primary' | 'major' | 'trade' | 'weak' | null;
};
/** A row's source; `knownFrom` is the earliest day a fact citing it can be known (the end of its publication period). */
export type SourcePick =
  | { kind: 'existing'; id: number; label: string; knownFrom: string | null }
  | { kind: 'new'; key: string; label: string; cols: SourceCols; knownFrom: string | null }
  | null;

/** Everything the planner looks up, read once per file. */
export class ImportLookups {
  companies = new Map<string, number>();
  companyNames = new Map<number, string>();
  regions = new Map<string, { id: number; level: string; path: string; name: string }>();
  regionBySlug = new Map<string, { id: number; level: string; code: string | null }>();
  sourcesByUrl = new Map<string, { id: number; label: string; knownFrom: string | null }>();
  sourcesByTitle = new Map<string, { id: number; label: string; knownFrom: string | null }>();
  /** New sources introduced by earlier rows of the file, by address: later rows may cite them by URL alone. */
  newSourcesByUrl = new Map<string, SourcePick>();

  static async load(tx: Tx): Promise<ImportLookups> {
    const l = new ImportLookups();
    const [companies, regions, sources] = await Promise.all([
      tx.company.findMany({ where: { deletedAt: null }, select: { id: true, slug: true, name: true } }),
      tx.region.findMany({ where: { deletedAt: null }, select: { id: true, slug: true, code: true, level: true, path: true, name: true } }),
      tx.source.findMany({ where: { deletedAt: null }, select: { id: true, url: true, publisher: true, title: true, publishedOn: true, datePrecision: true } }),
    ]);
    for (const c of companies) {
      l.companies.set(c.slug, c.id);
      l.companies.set(c.name.toLowerCase(), c.id);
      l.companyNames.set(c.id, c.name);
    }
    for (const r of regions) {
      const row = { id: r.id, level: r.level, path: r.path, name: r.name };
      l.regions.set(r.slug, row);
      if (r.code) l.regions.set(r.code.toLowerCase(), row);
      l.regionBySlug.set(r.slug, { id: r.id, level: r.level, code: r.code });
    }
    for (const s of sources) {
      const knownFrom = s.publishedOn ? endOfPeriod(s.publishedOn.toISOString().slice(0, 10), s.datePrecision) : null;
      const v = { id: s.id, label: `${s.publisher} — ${s.title}`, knownFrom };
      if (s.url) l.sourcesByUrl.set(s.url, v);
      l.sourcesByTitle.set(`${s.publisher}|${s.title}`.toLowerCase(), v);
    }
    return l;
  }

  company(name: string): number | undefined {
    return this.companies.get(name.trim()) ?? this.companies.get(name.trim().toLowerCase());
  }

  /** The region and its country, or an error message for the region column. */
  place(value: string): { regionId: number; countryId: number; name: string } | string {
    const region = this.regions.get(value.trim()) ?? this.regions.get(value.trim().toLowerCase());
    if (!region) return `Unknown region “${value}” (use its slug or code, e.g. hauts-de-france or FRE).`;
    if (region.level === 'macro') return `“${value}” is a macro-region; give a country or a region within one.`;
    const country = region.path.split('/').filter(Boolean).map((s) => this.regionBySlug.get(s)).find((r) => r?.level === 'country');
    if (!country) return `Region “${value}” is not inside a country.`;
    return { regionId: region.id, countryId: country.id, name: region.name };
  }

  /** The row's source: an existing one (by address, or publisher and title), a new one, none, or an error. */
  source(cols: SourceCols): SourcePick | string {
    if (cols.source_url) {
      const found = this.sourcesByUrl.get(cols.source_url);
      if (found) return { kind: 'existing', ...found };
      const planned = this.newSourcesByUrl.get(cols.source_url);
      if (planned) return planned;
    }
    if (cols.source_publisher && cols.source_title) {
      const found = this.sourcesByTitle.get(`${cols.source_publisher}|${cols.source_title}`.toLowerCase());
      if (found) return { kind: 'existing', ...found };
      if (!cols.source_url) return 'A new source needs its address (source_url): every source is a page someone can open.';
      if (!cols.source_published_on) return 'A new source needs its publication date (source_published_on).';
      const pick: SourcePick = {
        kind: 'new', key: cols.source_url, label: `${cols.source_publisher} — ${cols.source_title} (new)`, cols,
        knownFrom: cols.source_published_on,
      };
      this.newSourcesByUrl.set(cols.source_url, pick);
      return pick;
    }
    if (cols.source_url) return 'Unknown source_url: add source_publisher and source_title to create this source.';
    if (cols.source_publisher || cols.source_title) return 'A new source needs both source_publisher and source_title.';
    return null;
  }
}

/** Plain comparable values: decimals and dates the way the audit log writes them. */
export function plain(v: unknown): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (Prisma.Decimal.isDecimal(v)) return Number(v.toString());
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  return String(v);
}

export const show = (v: unknown) => {
  const p = plain(v);
  return p === null ? '—' : String(p);
};

/** Field-by-field differences between a record and the values a row wants. */
export function differences(current: Record<string, unknown>, wanted: Record<string, unknown>, labels: Record<string, (v: unknown) => string> = {}): PlanChange[] {
  const changes: PlanChange[] = [];
  for (const [field, value] of Object.entries(wanted)) {
    if (plain(current[field]) === plain(value)) continue;
    const fmt = labels[field] ?? show;
    changes.push({ field, before: fmt(current[field]), after: fmt(value) });
  }
  return changes;
}

export const day = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

/**
 * The day a row's fact became public: its known_on, else its source's publication date (end of
 * period), else `fallback` (the fact's own date). Never before its source, after today, or before
 * `notBefore` (an announcement's date): otherwise an error for the known_on column.
 */
export function rowKnownOn(knownOn: string | null, source: SourcePick, fallback: string, notBefore?: string): string | RowError {
  const known = knownOn ?? (source?.knownFrom && (!notBefore || source.knownFrom >= notBefore) ? source.knownFrom : null) ?? fallback;
  if (source?.knownFrom && known < source.knownFrom) return { column: 'known_on', message: `Before its source was published (${source.knownFrom}).` };
  if (known > todayIso()) return { column: 'known_on', message: 'A fact cannot be known after today.' };
  if (notBefore && known < notBefore) return { column: 'known_on', message: `Before it was announced (${notBefore}).` };
  return known;
}
