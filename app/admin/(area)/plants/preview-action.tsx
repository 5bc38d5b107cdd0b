'use server';

import type { ReactNode } from 'react';
import { LocationPreview } from '@/components/admin/location-preview';
import { requireRole } from '@/lib/auth/session';

/** The map preview for typed coordinates, rendered on the server (the map never ships to the browser). */
export async function previewLocationAction(lat: string, lon: string): Promise<ReactNode> {
  await requireRole('viewer');
  const valid = typeof lat === 'string' && typeof lon === 'string' && lat.trim() !== '' && lon.trim() !== '';
  return <LocationPreview lat={Number(lat)} lon={Number(lon)} valid={valid} />;
}
