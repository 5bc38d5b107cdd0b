import { rowTotal, type ChartConfig, type WideRow } from '@/lib/domain/chart-data';
import { formatValue } from './format';
import type { ChartKind } from './types';

const KIND_NOUN: Record<ChartKind, string> = {
  'stacked-area': 'Stacked area chart',
  'stacked-bar': 'Stacked bar chart',
  line: 'Line chart',
};

/** The chart's text alternative: what it shows, its range and the last total; the table twin has the rest. */
export function describeChart(input: {
  title: string; kind: ChartKind; rows: WideRow[]; config: ChartConfig;
  xLabel: string; unitLabel: string; valueUnit: string; showTotal: boolean;
}): string {
  const { title, kind, rows, config, xLabel, unitLabel, valueUnit, showTotal } = input;
  const first = rows[0];
  const last = rows.at(-1);
  if (!first || !last || config.length === 0) return `${title}: no data to chart.`;
  const names = config.map((s) => s.label);
  const listed = names.length > 4 ? `${names.slice(0, 4).join(', ')} and ${names.length - 4} more` : names.join(', ');
  const parts = [
    `${title}. ${KIND_NOUN[kind]} of ${unitLabel}, ${xLabel} ${first.x} to ${last.x}`,
    `${config.length} series: ${listed}`,
  ];
  if (showTotal) parts.push(`total in ${last.x}: ${formatValue(rowTotal(last, config))} ${valueUnit}`);
  return `${parts.join('; ')}. Figures are in the table.`;
}
