'use client';

import type { ChartConfig } from '@/lib/domain/chart-data';
import styles from './chart-frame.module.css';

/** Legend from the config, not recharts' payload, so order and colours match the table; text stays --fg for contrast. */
export function ChartLegend({ config }: { config: ChartConfig }) {
  return (
    <ul className={styles.legend}>
      {config.map((s) => (
        <li key={s.key} className={styles.legendItem}>
          <span className={styles.swatch} style={{ background: s.color }} aria-hidden="true" />
          {s.label}
        </li>
      ))}
    </ul>
  );
}
