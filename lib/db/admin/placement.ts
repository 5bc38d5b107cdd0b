import 'server-only';
import { AppError } from '../../errors';
import type { Tx } from './transaction';

export interface Placement { regionId: number; countryId: number; countryCode: string }

/** A plant's region (country level or below) and the country above it, or `invalid`. */
export async function placePlant(tx: Tx, regionId: number): Promise<Placement> {
  const region = await tx.region.findFirst({ where: { id: regionId, deletedAt: null }, select: { id: true, level: true, path: true, code: true } });
  if (!region) throw new AppError('invalid', 'Unknown region.', { fieldErrors: { regionId: ['Choose a region from the list.'] } });
  if (region.level === 'macro') {
    throw new AppError('invalid', 'A plant needs a country or a region within one.', { fieldErrors: { regionId: ['Choose a country or a region below it, not a macro-region.'] } });
  }
  const slugs = region.path.split('/').filter(Boolean);
  const country = region.level === 'country'
    ? region
    : await tx.region.findFirst({ where: { slug: { in: slugs }, level: 'country' }, select: { id: true, code: true } });
  if (!country?.code) throw new AppError('invalid', 'The region has no country above it.', { fieldErrors: { regionId: ['This region is not inside a country.'] } });
  return { regionId: region.id, countryId: country.id, countryCode: country.code };
}

export async function requireLiveCompany(tx: Tx, id: number, field: string): Promise<void> {
  const found = await tx.company.findFirst({ where: { id, deletedAt: null }, select: { id: true } });
  if (!found) throw new AppError('invalid', 'Unknown company.', { fieldErrors: { [field]: ['Choose a company from the list.'] } });
}
