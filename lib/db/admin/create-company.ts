import 'server-only';
import { AppError } from '../../errors';
import { requireRole } from '../../auth/session';
import { CompanyInputSchema } from '../../validation/company';
import { slugify } from '../../validation/form-fields';
import { auditActor, snapshot, writeAudit } from './audit';
import { parseInput } from './parse-input';
import { requireLiveCompany } from './placement';
import { freeSlug } from './references';
import { inTransaction, type Tx } from './transaction';

export async function createCompany(input: unknown): Promise<{ id: number; slug: string }> {
  const actor = await requireRole('editor');
  const data = parseInput(CompanyInputSchema, input);
  return inTransaction(async (tx) => {
    await checkCompanyLinks(tx, data);
    const slug = await freeSlug(async (s) => !!(await tx.company.findUnique({ where: { slug: s }, select: { id: true } })), data.slug ?? slugify(data.name), data.slug === null);
    const created = await tx.company.create({ data: { ...data, slug } });
    await writeAudit(tx, auditActor(actor), { action: 'create', entityType: 'company', entityId: created.id, before: null, after: snapshot(created) });
    return { id: created.id, slug: created.slug };
  });
}

/** HQ must be a country; the successor must be a live company. */
export async function checkCompanyLinks(tx: Tx, data: { hqCountryId: number | null; successorId: number | null }) {
  if (data.hqCountryId !== null) {
    const country = await tx.region.findFirst({ where: { id: data.hqCountryId, level: 'country', deletedAt: null }, select: { id: true } });
    if (!country) throw new AppError('invalid', 'Unknown country.', { fieldErrors: { hqCountryId: ['Choose a country from the list.'] } });
  }
  if (data.successorId !== null) await requireLiveCompany(tx, data.successorId, 'successorId');
}
