'use client';

import dynamic from 'next/dynamic';
import styles from './chart-frame.module.css';
import type { ChartCanvasProps } from './types';

// Loaded only in the browser and only when rendered, so recharts stays out of the page's first-load JS.
const ChartCanvas = dynamic(() => import('./chart-canvas').then((m) => m.ChartCanvas), {
  ssr: false,
  loading: () => <div className={styles.placeholder}>Loading chart…</div>,
});

export interface ChartIslandProps extends ChartCanvasProps {
  domId: string;
  /** Text alternative for the whole drawing; the table twin is the full equivalent. */
  summary: string;
  height: number;
}

/**
 * Fixed-height box that holds the placeholder, then the chart. role="img" makes the drawing one
 * labelled image: recharts' keyboard layer is off inside it so there are no focusable children.
 */
export function ChartIsland({ domId, summary, height, ...canvas }: ChartIslandProps) {
  return (
    <div id={domId} className={styles.chart} style={{ height }} role="img" aria-label={summary}>
      <ChartCanvas {...canvas} />
    </div>
  );
}
