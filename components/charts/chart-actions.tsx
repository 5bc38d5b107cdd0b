'use client';

import { useEffect, useRef, useState } from 'react';
import type { ChartConfig } from '@/lib/domain/chart-data';
import styles from './chart-frame.module.css';
import { buildStandaloneSvg, downloadBlob, findChartSvg, svgToPng } from './export-image';

interface ChartActionsProps {
  chartDomId: string;
  /** File name without extension, shared with the CSV. */
  fileBase: string;
  shareUrl: string;
  title: string;
  config: ChartConfig;
}

/** PNG, SVG and copy-link buttons; the CSV link beside them is plain HTML and needs none of this. */
export function ChartActions({ chartDomId, fileBase, shareUrl, title, config }: ChartActionsProps) {
  const [status, setStatus] = useState('');
  const [fallbackUrl, setFallbackUrl] = useState<string | null>(null);
  const fallbackRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    fallbackRef.current?.focus();
    fallbackRef.current?.select();
  }, [fallbackUrl]);

  useEffect(() => {
    if (!status) return;
    const timer = setTimeout(() => setStatus(''), 6000);
    return () => clearTimeout(timer);
  }, [status]);

  async function exportImage(format: 'png' | 'svg') {
    const svg = findChartSvg(chartDomId);
    if (!svg) {
      setStatus('The chart is still loading; try again in a moment.');
      return;
    }
    try {
      const { markup, width, height } = buildStandaloneSvg(svg, { title, config, sourceUrl: absoluteUrl(shareUrl) });
      const blob = format === 'svg'
        ? new Blob([markup], { type: 'image/svg+xml;charset=utf-8' })
        : await svgToPng(markup, width, height, 2);
      downloadBlob(blob, `${fileBase}.${format}`);
      setStatus(`${format.toUpperCase()} downloaded`);
    } catch {
      setStatus(`Could not create the ${format.toUpperCase()}; the CSV download still works.`);
    }
  }

  async function copyLink() {
    const url = absoluteUrl(shareUrl);
    try {
      if (!navigator.clipboard?.writeText) throw new Error('Clipboard API unavailable');
      await navigator.clipboard.writeText(url);
      setFallbackUrl(null);
      setStatus('Link copied');
    } catch {
      setFallbackUrl(url);
      setStatus('Copying is blocked here: the link is selected below, press Ctrl+C or ⌘C to copy it.');
    }
  }

  const about = <span className={styles.visuallyHidden}> of “{title}”</span>;
  return (
    <>
      <button type="button" className={styles.button} onClick={() => exportImage('png')}>Download PNG{about}</button>
      <button type="button" className={styles.button} onClick={() => exportImage('svg')}>Download SVG{about}</button>
      <button type="button" className={styles.button} onClick={copyLink}>Copy link{about}</button>
      {fallbackUrl && (
        <label className={styles.fallback}>
          Link to this chart
          <input ref={fallbackRef} type="text" readOnly value={fallbackUrl} onFocus={(e) => e.currentTarget.select()} />
        </label>
      )}
      <p className={styles.status} role="status">{status}</p>
    </>
  );
}

function absoluteUrl(url: string): string {
  return new URL(url, window.location.href).href;
}
