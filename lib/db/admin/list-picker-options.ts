import 'server-only';
import type { RegionLevel } from '../../generated/prisma/enums';
import { requireRole } from '../../auth/session';
import { db } from '../client';

export interface PickerOption { id: number; label: string }
export interface RegionOption extends PickerOption { level: RegionLevel; depth: number; code: string | null }
export interface PickerOptions {
  companies: PickerOption[];
  /** The region tree in order (root first, children under their parent). */
  regions: RegionOption[];
  /** Newest first. */
  sources: PickerOption[];
  plants: PickerOption[];
}

/** Live companies, regions, sources and plants for the form pickers. */
export async function listPickerOptions(): Promise<PickerOptions> {
  await requireRole('viewer');
  const live = { deletedAt: null };
  const [companies, regions, sources, plants] = await Promise.all([
    db().company.findMany({ where: live, select: { id: true, name: true }, orderBy: { name: 'asc' } }),
    db().region.findMany({ where: live, select: { id: true, name: true, level: true, path: true, code: true }, orderBy: { path: 'asc' } }),
    db().source.findMany({
      where: live, select: { id: true, publisher: true, title: true, publishedOn: true },
      orderBy: [{ publishedOn: { sort: 'desc', nulls: 'last' } }, { id: 'desc' }],
    }),
    db().plant.findMany({ where: live, select: { id: true, ref: true, name: true }, orderBy: { ref: 'asc' } }),
  ]);
  return {
    companies: companies.map((c) => ({ id: c.id, label: c.name })),
    regions: sortTree(regions).map((r) => ({
      id: r.id, label: r.code ? `${r.name} (${r.code})` : r.name, level: r.level, code: r.code,
      depth: r.path.split('/').filter(Boolean).length - 1,
    })),
    sources: sources.map((s) => ({
      id: s.id, label: `${s.publishedOn ? s.publishedOn.toISOString().slice(0, 10) : 'undated'} · ${s.publisher} — ${s.title}`,
    })),
    plants: plants.map((p) => ({ id: p.id, label: `${p.ref} · ${p.name}` })),
  };
}

/** Depth-first by name: a path sort would put "b-x/" children after a sibling "b/". */
function sortTree<T extends { name: string; path: string }>(rows: T[]): T[] {
  const byParent = new Map<string, T[]>();
  for (const r of rows) {
    const parent = r.path.replace(/[^/]+\/$/, '');
    (byParent.get(parent) ?? byParent.set(parent, []).get(parent)!).push(r);
  }
  const out: T[] = [];
  const walk = (path: string) => {
    for (const r of (byParent.get(path) ?? []).sort((a, b) => a.name.localeCompare(b.name))) {
      out.push(r);
      walk(r.path);
    }
  };
  walk('/');
  return out;
}
