import 'server-only';
import { AppError } from '../../errors';
import { requireRole } from '../../auth/session';
import { slugify } from '../../validation/form-fields';
import { RegionInputSchema } from '../../validation/region';
import { auditActor, snapshot, writeAudit } from './audit';
import { parseInput } from './parse-input';
import { freeSlug } from './references';
import { inTransaction } from './transaction';

const DEPTH = { macro: 0, country: 1, nuts1: 2, nuts2: 3 } as const;

/** A new region under a parent one level up or more (NUTS-2 may sit directly under a country). */
export async function createRegion(input: unknown): Promise<{ id: number; slug: string }> {
  const actor = await requireRole('editor');
  const data = parseInput(RegionInputSchema, input);
  if (data.level === 'macro') throw new AppError('invalid', 'Macro-regions are fixed.', { fieldErrors: { level: ['Choose country, NUTS-1 or NUTS-2.'] } });
  if (data.level === 'country' && (!data.code || !/^[A-Z]{2}$/.test(data.code))) {
    throw new AppError('invalid', 'A country needs its ISO code.', { fieldErrors: { code: ['An ISO 3166-1 alpha-2 code, e.g. FR.'] } });
  }
  return inTransaction(async (tx) => {
    const parent = await tx.region.findFirst({ where: { id: data.parentId, deletedAt: null }, select: { path: true, level: true } });
    if (!parent) throw new AppError('invalid', 'Unknown parent region.', { fieldErrors: { parentId: ['Choose a region from the list.'] } });
    if (DEPTH[parent.level] >= DEPTH[data.level] || (data.level === 'country' && parent.level !== 'macro')) {
      throw new AppError('invalid', `A ${data.level} region cannot sit under a ${parent.level} region.`, { fieldErrors: { parentId: ['Choose a parent higher up the tree.'] } });
    }
    if (data.code && await tx.region.findUnique({ where: { code: data.code }, select: { id: true } })) {
      throw new AppError('invalid', 'This code is already used.', { fieldErrors: { code: ['Another region has this code.'] } });
    }
    const slug = await freeSlug(async (s) => !!(await tx.region.findUnique({ where: { slug: s }, select: { id: true } })), data.slug ?? slugify(data.name), data.slug === null);
    const created = await tx.region.create({
      data: { slug, name: data.name, level: data.level, code: data.code, parentId: data.parentId, path: `${parent.path}${slug}/` },
    });
    await writeAudit(tx, auditActor(actor), { action: 'create', entityType: 'region', entityId: created.id, before: null, after: snapshot(created) });
    return { id: created.id, slug };
  });
}
