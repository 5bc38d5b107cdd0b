import 'server-only';
import { Prisma } from '../generated/prisma/client';
import { db } from './client';

export interface ContractFilterOptions {
  suppliers: { slug: string; name: string }[];
  buyers: { slug: string; name: string }[];
  plants: { slug: string; name: string }[];
}

/** The suppliers, buyers and plants that appear in at least one contract. */
export async function getContractFilterOptions(): Promise<ContractFilterOptions> {
  const side = (column: 'supplier_id' | 'buyer_id') => db().$queryRaw<{ slug: string; name: string }[]>`
    SELECT co.slug, co.name FROM company co
    WHERE EXISTS (SELECT 1 FROM contract c WHERE c.${Prisma.raw(column)} = co.id AND c.deleted_at IS NULL)
    ORDER BY co.name`;
  const [suppliers, buyers, plants] = await Promise.all([
    side('supplier_id'),
    side('buyer_id'),
    db().$queryRaw<{ slug: string; name: string }[]>`
      SELECT p.slug, p.name FROM plant p
      WHERE p.deleted_at IS NULL AND EXISTS (SELECT 1 FROM contract c WHERE c.plant_id = p.id AND c.deleted_at IS NULL)
      ORDER BY p.name`,
  ]);
  return { suppliers, buyers, plants };
}
