import type { ChartConfig } from '@/lib/domain/chart-data';
import { CHART_FONT_SIZE, CHART_MUTED, CHART_TEXT } from './theme';

// Browser-only helpers for the PNG and SVG downloads; called from ChartActions' click handlers.

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Computed properties copied onto every exported node, so the file renders without the page's CSS. */
const INLINED = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'stroke-linecap',
  'stroke-linejoin', 'opacity', 'font-family', 'font-size', 'font-weight', 'text-anchor', 'dominant-baseline',
  'paint-order', 'visibility', 'display',
];
const PAD = 16;
const TITLE_HEIGHT = 36;
const LEGEND_ROW = 20;
const FOOTER_HEIGHT = 44;

/** The chart's own SVG inside the island (the legend and tooltip are HTML beside it). */
export function findChartSvg(chartDomId: string): SVGSVGElement | null {
  const box = document.getElementById(chartDomId);
  return box?.querySelector<SVGSVGElement>('.recharts-wrapper > svg') ?? box?.querySelector<SVGSVGElement>('svg') ?? null;
}

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, text?: string) {
  const node = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

function inlineStyles(source: Element, target: Element) {
  const computed = getComputedStyle(source);
  target.setAttribute('style', INLINED.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(';'));
  target.removeAttribute('class');
  target.removeAttribute('tabindex');
  const from = source.children;
  const to = target.children;
  for (let i = 0; i < from.length && i < to.length; i++) inlineStyles(from[i]!, to[i]!);
}

/**
 * A standalone SVG document of the chart: white background, title, the plot with computed
 * styles inlined, the legend redrawn from the config (recharts draws it in HTML) and the source.
 */
export function buildStandaloneSvg(svg: SVGSVGElement, opts: { title: string; config: ChartConfig; sourceUrl: string }) {
  const { width: plotWidth, height: plotHeight, top: svgTop } = svg.getBoundingClientRect();
  const width = Math.round(plotWidth);
  const fontFamily = getComputedStyle(svg).getPropertyValue('font-family') || 'system-ui, sans-serif';

  const plot = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, plot);
  plot.setAttribute('x', '0');
  plot.setAttribute('y', String(TITLE_HEIGHT));
  plot.setAttribute('width', String(width));
  plot.setAttribute('height', String(Math.round(plotHeight)));
  plot.setAttribute('viewBox', `0 0 ${width} ${Math.round(plotHeight)}`);
  plot.removeAttribute('role');
  plot.setAttribute('overflow', 'visible'); // edge tick labels overhang the plot

  // Legend rows: swatch + label, wrapped by an estimated text width (no layout engine here).
  const legend = el('g', { 'font-size': CHART_FONT_SIZE, fill: CHART_TEXT });
  let x = PAD;
  let row = 0;
  for (const { label, color } of opts.config) {
    const itemWidth = 12 + 6 + label.length * CHART_FONT_SIZE * 0.6 + 16;
    if (x > PAD && x + itemWidth > width - PAD) {
      x = PAD;
      row++;
    }
    const y = row * LEGEND_ROW;
    legend.append(el('rect', { x, y, width: 12, height: 12, rx: 2, fill: color }));
    legend.append(el('text', { x: x + 18, y: y + 10 }, label));
    x += itemWidth;
  }
  // Recharts leaves room for its HTML legend inside the SVG; draw ours in that room.
  const htmlLegend = svg.parentElement?.querySelector('.recharts-legend-wrapper')?.getBoundingClientRect();
  const legendTop = TITLE_HEIGHT + 10 + Math.round(htmlLegend ? htmlLegend.top - svgTop : plotHeight);
  legend.setAttribute('transform', `translate(0 ${legendTop})`);
  const height = Math.max(TITLE_HEIGHT + Math.round(plotHeight), legendTop + (row + 1) * LEGEND_ROW) + FOOTER_HEIGHT;

  const root = el('svg', { xmlns: SVG_NS, width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': fontFamily });
  root.append(
    el('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }),
    el('text', { x: PAD, y: 24, 'font-size': 16, 'font-weight': 600, fill: CHART_TEXT }, opts.title),
    plot,
    legend,
    el('text', { x: PAD, y: height - 26, 'font-size': 11, fill: CHART_MUTED }, 'Source: Voltrack'),
    el('text', { x: PAD, y: height - 10, 'font-size': 11, fill: CHART_MUTED }, opts.sourceUrl),
  );
  const markup = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}`;
  return { markup, width, height };
}

/** Rasterises the standalone SVG at `scale`× on white. */
export async function svgToPng(markup: string, width: number, height: number, scale = 2): Promise<Blob> {
  const image = new Image();
  // A data: URL rather than a blob: URL: some browsers taint the canvas for blob-loaded SVG.
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('Canvas 2D context unavailable');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png');
  });
}

export function downloadBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
