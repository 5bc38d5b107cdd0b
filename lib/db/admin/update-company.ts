import 'server-only';
import { AppError } from '../../errors';
import { requireRole } from '../../auth/session';
import { CompanyUpdateSchema } from '../../validation/company';
import { slugify } from '../../validation/form-fields';
import { auditActor, snapshot } from './audit';
import { checkCompanyLinks } from './create-company';
import { parseInput, parseRecordId } from './parse-input';
import { freeSlug } from './references';
import { inTransaction } from './transaction';
import { versionedUpdate } from './versioned-update';

export async function updateCompany(companyId: number, input: unknown): Promise<{ id: number; version: number }> {
  const actor = await requireRole('editor');
  const id = parseRecordId(companyId, 'company');
  const { version, ...data } = parseInput(CompanyUpdateSchema, input);
  if (data.successorId === id) {
    throw new AppError('invalid', 'A company cannot succeed itself.', { fieldErrors: { successorId: ['Choose another company.'] } });
  }
  return inTransaction(async (tx) => {
    await checkCompanyLinks(tx, data);
    // An empty slug keeps the current one: links to the company page must not break on a rename.
    const current = await tx.company.findUnique({ where: { id }, select: { slug: true } });
    const slug = data.slug === null ? current?.slug ?? slugify(data.name) : await freeSlug(async (s) => {
      const other = await tx.company.findUnique({ where: { slug: s }, select: { id: true } });
      return !!other && other.id !== id;
    }, data.slug, false);
    const { after } = await versionedUpdate(tx, auditActor(actor), {
      entityType: 'company', id, expectedVersion: version,
      submitted: snapshot({ ...data, slug }),
      load: () => tx.company.findUnique({ where: { id } }),
      write: () => tx.company.updateMany({ where: { id, version, deletedAt: null }, data: { ...data, slug, version: { increment: 1 } } }),
    });
    return { id, version: after.version };
  });
}
