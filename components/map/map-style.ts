import type { PlantStatus } from '@/lib/domain/plant-status';

/** Okabe–Ito, safe under the common colour-vision deficiencies; cancelled plants are drawn hollow. */
export const STATUS_COLORS: Record<PlantStatus, string> = {
  operational: '#009E73',
  under_construction: '#E69F00',
  announced: '#56B4E9',
  paused: '#CC79A7',
  cancelled: '#999999',
};

/**
 * Country shading, light → dark, one colour per GWH_BREAKS class. A desaturated slate so the
 * saturated status colours of the plant markers stay distinct on every step.
 */
export const SHADES = ['#dde5ee', '#bccbdc', '#98adc6', '#7390b0', '#50729a', '#2f5179'] as const;
export const NO_CAPACITY = '#e4e2dd';
export const SEA = '#f1f5f9';
export const BORDER = '#ffffff';
