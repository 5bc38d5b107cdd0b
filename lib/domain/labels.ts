import type { Grouping } from '../validation/capacity';
import { STATUS_LABELS, type PlantStatus } from './plant-status';

export const ORIGIN_LABELS: Record<string, string> = {
  european: 'European', chinese: 'Chinese', korean: 'Korean', japanese: 'Japanese', us: 'US',
  taiwanese: 'Taiwanese', other: 'Mixed / other',
};

export const CHEMISTRY_LABELS: Record<string, string> = {
  nmc: 'NMC', lfp: 'LFP', lmfp: 'LMFP', nca: 'NCA', lmo: 'LMO', solid_state: 'Solid-state', lmp: 'LMP (lithium-metal-polymer)',
  sodium_ion: 'Sodium-ion', mixed: 'Mixed chemistries', unknown: 'Not disclosed',
};

/** A readable label for a group key from the database (enum values become words). */
export function groupLabel(group: Grouping, key: string, label: string): string {
  if (group === 'origin') return ORIGIN_LABELS[key] ?? label;
  if (group === 'chemistry') return CHEMISTRY_LABELS[key] ?? label;
  if (group === 'status') return STATUS_LABELS[key as PlantStatus] ?? label;
  return label;
}
