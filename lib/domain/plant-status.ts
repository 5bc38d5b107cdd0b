export const PLANT_STATUSES = ['operational', 'under_construction', 'announced', 'paused', 'cancelled'] as const;
export type PlantStatus = (typeof PLANT_STATUSES)[number];

export const STATUS_LABELS: Record<PlantStatus, string> = {
  operational: 'Operational',
  under_construction: 'Under construction',
  announced: 'Announced',
  paused: 'Paused',
  cancelled: 'Cancelled',
};

export const STATUS_DEFINITIONS: Record<PlantStatus, string> = {
  announced: 'A plan or a chosen site, with no real construction yet.',
  under_construction: 'Construction or equipment installation under way; no series cell output yet.',
  operational: 'Series or pilot cell output, including ramp-up.',
  paused: 'Built or partly built but idle or halted, with a stated intent to restart.',
  cancelled: 'Formally abandoned, or the company exited.',
};
