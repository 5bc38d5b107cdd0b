/**
 * Colours drawn inside the chart SVG. They repeat globals.css's --fg, --muted and --border as
 * literals because SVG presentation attributes cannot read CSS variables and an exported SVG or
 * PNG has to look the same outside the page.
 */
export const CHART_TEXT = '#1a1d21';
export const CHART_MUTED = '#50565e';
export const CHART_GRID = '#d5d9de';
export const CHART_FONT_SIZE = 12;
