import { toCsv, toCsvDataUrl } from '@/lib/csv';
import { toPlottedTable, type ChartConfig, type WideRow } from '@/lib/domain/chart-data';
import { ChartActions } from './chart-actions';
import styles from './chart-frame.module.css';
import { ChartIsland } from './chart-island';
import { ChartTable } from './chart-table';
import { describeChart } from './summary';
import type { ChartAnnotation, ChartKind } from './types';

export type { ChartAnnotation, ChartKind } from './types';

export interface ChartFrameProps {
  /** Unique on the page; prefixes the element ids. */
  id: string;
  title: string;
  description?: string;
  /** Axis and table unit, e.g. "GWh per year". */
  unitLabel: string;
  kind: ChartKind;
  /** Exactly what is plotted, drawn, tabled and downloaded. */
  rows: WideRow[];
  config: ChartConfig;
  xLabel: string;
  csvFileName: string;
  /** Link to this view (relative or absolute); copied as an absolute URL. */
  shareUrl: string;
  annotations?: ChartAnnotation[];
  /** Chart box height in px, placeholder included. */
  height?: number;
  /** Embed mode: no table toggle or downloads, a "Source: Voltrack" link instead; the table stays for screen readers. */
  compact?: boolean;
  /** Short unit after tooltip values. */
  valueUnit?: string;
  /** Table and tooltip Total; defaults to on for stacked kinds with 2+ series, where series add up. */
  showTotal?: boolean;
  headingLevel?: 2 | 3 | 4;
}

/**
 * One chart with its caption, a lazily loaded drawing, its table twin and downloads.
 * A Server Component: the table and the CSV link are in the HTML and work without JavaScript.
 */
export function ChartFrame({
  id, title, description, unitLabel, kind, rows, config, xLabel, csvFileName, shareUrl,
  annotations = [], height = 360, compact = false, valueUnit = 'GWh', showTotal = kind !== 'line' && config.length > 1, headingLevel = 2,
}: ChartFrameProps) {
  const Heading = `h${headingLevel}` as const;
  const titleId = `${id}-title`;
  const fileName = /\.csv$/i.test(csvFileName) ? csvFileName : `${csvFileName}.csv`;
  const plotted = toPlottedTable(rows, config, xLabel, unitLabel);
  const csvHref = toCsvDataUrl(toCsv(plotted.header, plotted.body, { bom: true }));
  const summary = describeChart({ title, kind, rows, config, xLabel, unitLabel, valueUnit, showTotal });
  const position = (x: number | string) => rows.findIndex((r) => r.x === x);
  const orderedNotes = [...annotations].sort((a, b) => position(a.x) - position(b.x));
  const table = (
    <ChartTable caption={`${title} (${unitLabel})`} rows={rows} config={config} xLabel={xLabel} showTotal={showTotal} />
  );

  return (
    <figure className={styles.frame} aria-labelledby={titleId}>
      <figcaption className={styles.caption}>
        <Heading id={titleId} className={styles.title}>{title}</Heading>
        {description && <p className={styles.description}>{description}</p>}
        <p className={styles.unit}>{unitLabel}</p>
      </figcaption>

      <ChartIsland
        domId={`${id}-chart`} summary={summary} height={height}
        kind={kind} rows={rows} config={config} xLabel={xLabel} unitLabel={unitLabel}
        valueUnit={valueUnit} annotations={annotations} showTotal={showTotal}
      />

      {orderedNotes.length > 0 && (
        <ul className={styles.events} aria-label="Marked events">
          {orderedNotes.map((a) => <li key={`${a.x}-${a.label}`}><span className={styles.eventX}>{a.x}</span> {a.label}</li>)}
        </ul>
      )}

      {compact ? (
        <>
          <div className={styles.visuallyHidden}>{table}</div>
          <a className={styles.source} href={shareUrl} target="_blank" rel="noopener">Source: Voltrack</a>
        </>
      ) : (
        <>
          <noscript><p className={styles.noscript}>The drawing needs JavaScript; the same figures are in the table below.</p></noscript>
          <details className={styles.details}>
            <summary className={styles.summary}>Show table</summary>
            {/* Focusable so keyboard users can scroll a wide table on a phone. */}
            <div className={styles.tableWrap} role="region" aria-label={`Table: ${title}`} tabIndex={0}>
              {table}
            </div>
          </details>
          <div className={styles.actions}>
            <a className={styles.button} href={csvHref} download={fileName}>
              Download CSV<span className={styles.visuallyHidden}> of “{title}”</span>
            </a>
            <ChartActions
              chartDomId={`${id}-chart`} fileBase={fileName.replace(/\.csv$/i, '')}
              shareUrl={shareUrl} title={title} config={config}
            />
          </div>
        </>
      )}
    </figure>
  );
}
