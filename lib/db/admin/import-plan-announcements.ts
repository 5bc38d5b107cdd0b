import 'server-only';
import type { AnnouncementRowValues, ParsedRow, RowError } from '../../validation/import';
import { snapshot } from './audit';
import type { CapacityAnnouncement } from '../../generated/prisma/client';
import { chunks, createSources, insertRows, sourceId } from './import-batch';
import { type ApplyContext, day, differences, type ImportLookups, type KindPlan, type PlanRow, rowKnownOn, type SourcePick } from './import-context';
import type { Tx } from './transaction';

const COLUMN_OF: Record<string, string> = {
  plantId: 'plant_ref', scope: 'scope', targetYear: 'target_year', gwhPerYear: 'gwh_per_year', announcedOn: 'announced_on',
  datePrecision: 'date_precision', knownOn: 'known_on', confidence: 'confidence', note: 'note', sourceId: 'source_url',
};

/**
 * Capacity figures are never overwritten: a row whose ref exists is "unchanged" when it says the
 * same, and an error when it says something else (a new figure needs a new ref).
 */
export async function planAnnouncements(tx: Tx, rows: ParsedRow<AnnouncementRowValues>[], look: ImportLookups): Promise<KindPlan> {
  // Only refs that passed validation are looked up: a raw cell may hold anything (even NUL, which
  // PostgreSQL refuses in text), and rows that failed validation are not matched anyway.
  const refs = rows.flatMap((r) => (r.values ? [r.values.ref] : []));
  const plantRefs = rows.flatMap((r) => (r.values ? [r.values.plant_ref] : []));
  const [existing, plants] = await Promise.all([
    tx.capacityAnnouncement.findMany({ where: { ref: { in: refs } } }),
    tx.plant.findMany({ where: { ref: { in: plantRefs } }, select: { id: true, ref: true, deletedAt: true } }),
  ]);
  const byRef = new Map(existing.map((a) => [a.ref, a]));
  const plantByRef = new Map(plants.map((p) => [p.ref, p]));

  const adds: NewAnnouncement[] = [];
  const planned = rows.map((r): PlanRow => {
    const errors: RowError[] = [...r.errors];
    const base = { row: r.row, ref: r.ref, changes: [] };
    const v = r.values;
    if (!v) return { ...base, status: 'error', errors };
    const plant = plantByRef.get(v.plant_ref);
    if (!plant || plant.deletedAt) errors.push({ column: 'plant_ref', message: `Unknown plant ref “${v.plant_ref}”${plant ? ' (deleted)' : ''}.` });
    if (v.scope === 'milestone' && v.target_year === null) errors.push({ column: 'target_year', message: 'A milestone figure needs a target year.' });
    if (v.scope === 'long_term' && v.target_year !== null) errors.push({ column: 'target_year', message: 'A long-term figure has no target year; leave it empty.' });
    const source = look.source(v);
    if (typeof source === 'string') errors.push({ column: 'source_url', message: source });
    const known = typeof source === 'string' ? null : rowKnownOn(v.known_on, source, v.announced_on, v.announced_on);
    if (known !== null && typeof known !== 'string') errors.push(known);
    if (errors.length || !plant || typeof source === 'string' || typeof known !== 'string') return { ...base, status: 'error', errors };

    const wanted: Record<string, unknown> = {
      plantId: plant.id, scope: v.scope, targetYear: v.target_year, gwhPerYear: v.gwh_per_year, announcedOn: day(v.announced_on),
      datePrecision: v.date_precision, confidence: v.confidence, note: v.note,
      ...(r.columns.has('known_on') ? { knownOn: day(known) } : {}),
    };
    const current = byRef.get(v.ref);
    if (current) {
      if (source) wanted.sourceId = source.kind === 'existing' ? source.id : -1;
      const diff = differences(current, wanted);
      if (current.deletedAt) return { ...base, status: 'error', errors: [{ column: 'ref', message: `Announcement ${v.ref} is deleted; restore it in the history, or use a new ref.` }] };
      if (diff.length === 0) return { ...base, status: 'unchanged', errors: [] };
      return {
        ...base, status: 'error',
        errors: diff.map((d) => ({
          column: COLUMN_OF[d.field] ?? d.field,
          message: `${v.ref} already holds ${d.before} here (file: ${d.after}). Figures are never overwritten: give a new figure a new ref.`,
        })),
      };
    }
    adds.push({ v, plantId: plant.id, source, knownOn: known });
    return { ...base, status: 'new', errors: [] };
  });
  return { rows: planned, write: (t, run) => insertAnnouncements(t, run, adds) };
}

interface NewAnnouncement { v: AnnouncementRowValues; plantId: number; source: SourcePick; knownOn: string }

/** New figures only (existing ones are never overwritten): one insert per ~1,000 rows. */
async function insertAnnouncements(tx: Tx, run: ApplyContext, adds: NewAnnouncement[]): Promise<void> {
  await createSources(tx, run, adds.map((a) => a.source));
  for (const part of chunks(adds)) {
    const created = await insertRows<CapacityAnnouncement>(tx, 'capacity_announcement', part.map(({ v, plantId, source, knownOn }) => ({
      ref: v.ref, plantId, scope: v.scope, targetYear: v.target_year, gwhPerYear: v.gwh_per_year, announcedOn: day(v.announced_on)!,
      datePrecision: v.date_precision, knownOn: day(knownOn)!, confidence: v.confidence, note: v.note, sourceId: sourceId(run, source),
    })));
    const byRef = new Map(created.map((c) => [c.ref, c]));
    for (const { v } of part) {
      const row = byRef.get(v.ref)!;
      run.audits.push({ action: 'import', entityType: 'capacity_announcement', entityId: row.id, before: null, after: snapshot(row) });
    }
  }
}
