'use client';

import type { TooltipPayload } from 'recharts';
import type { ChartConfig } from '@/lib/domain/chart-data';
import styles from './chart-frame.module.css';
import { formatValue } from './format';

interface ChartTooltipProps {
  active: boolean;
  payload: TooltipPayload;
  label: string | number | undefined;
  config: ChartConfig;
  showTotal: boolean;
  valueUnit: string;
}

/** Shared tooltip: series from the config (label and colour), largest value first, total for stacked kinds. */
export function ChartTooltip({ active, payload, label, config, showTotal, valueUnit }: ChartTooltipProps) {
  if (!active || payload.length === 0) return null;
  const byKey = new Map(config.map((s) => [s.key, s]));
  const items = payload
    .flatMap((entry) => {
      const series = byKey.get(String(entry.dataKey));
      return series && typeof entry.value === 'number' ? [{ ...series, value: entry.value }] : [];
    })
    .sort((a, b) => b.value - a.value);
  const total = items.reduce((sum, item) => sum + item.value, 0);
  const show = (value: number) => `${formatValue(value)} ${valueUnit}`;

  return (
    <div className={styles.tooltip}>
      <p className={styles.tooltipLabel}>{label}</p>
      <ul className={styles.tooltipList}>
        {items.map((item) => (
          <li key={item.key} className={styles.tooltipRow}>
            <span className={styles.swatch} style={{ background: item.color }} aria-hidden="true" />
            <span className={styles.tooltipName}>{item.label}</span>
            <span className={styles.tooltipValue}>{show(item.value)}</span>
          </li>
        ))}
      </ul>
      {showTotal && (
        <p className={styles.tooltipTotal}>
          <span>Total</span>
          <span>{show(total)}</span>
        </p>
      )}
    </div>
  );
}
