import type { ChartConfig, WideRow } from '@/lib/domain/chart-data';

export type ChartKind = 'stacked-area' | 'stacked-bar' | 'line';

/** A labelled event on the x axis, e.g. { x: 2024, label: 'Northvolt bankruptcy' }. `x` must be a plotted x value. */
export interface ChartAnnotation { x: number | string; label: string }

/** What the client island needs to draw a chart: plain, serialisable data only. */
export interface ChartCanvasProps {
  kind: ChartKind;
  rows: WideRow[];
  config: ChartConfig;
  xLabel: string;
  unitLabel: string;
  /** Short unit after tooltip values ("12.3 GWh"). */
  valueUnit: string;
  annotations: ChartAnnotation[];
  showTotal: boolean;
}
