'use client';

import {
  Area, AreaChart, Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine,
  ResponsiveContainer, Tooltip, XAxis, YAxis,
} from 'recharts';
import type { ChartSeries } from '@/lib/domain/chart-data';
import { AnnotationLabel } from './chart-annotation';
import { ChartLegend } from './chart-legend';
import { ChartTooltip } from './chart-tooltip';
import { formatTick } from './format';
import { CHART_FONT_SIZE, CHART_GRID, CHART_MUTED, CHART_TEXT } from './theme';
import type { ChartAnnotation, ChartCanvasProps, ChartKind } from './types';

const TICK = { fill: CHART_MUTED, fontSize: CHART_FONT_SIZE };
const MARGIN = { top: 20, right: 24, bottom: 4, left: 4 };

/** The recharts drawing. Loaded lazily by ChartIsland; everything it shows comes from its props. */
export function ChartCanvas({ kind, rows, config, xLabel, unitLabel, valueUnit, annotations, showTotal }: ChartCanvasProps) {
  const parts = (
    <>
      <CartesianGrid stroke={CHART_GRID} vertical={false} />
      <XAxis
        dataKey="x" tick={TICK} tickLine={false} axisLine={{ stroke: CHART_MUTED }} height={44}
        interval="preserveStartEnd" minTickGap={8}
        label={{ value: xLabel, position: 'insideBottom', offset: 0, fill: CHART_MUTED, fontSize: CHART_FONT_SIZE }}
      />
      <YAxis
        tick={TICK} tickLine={false} axisLine={false} width={64} tickFormatter={formatTick}
        label={{ value: unitLabel, angle: -90, position: 'insideLeft', fill: CHART_MUTED, fontSize: CHART_FONT_SIZE, style: { textAnchor: 'middle' } }}
      />
      <Tooltip
        isAnimationActive={false}
        cursor={kind === 'stacked-bar' ? { fill: 'rgb(0 0 0 / 6%)' } : { stroke: CHART_MUTED, strokeDasharray: '3 3' }}
        content={({ active, payload, label }) => (
          <ChartTooltip active={active} payload={payload} label={label} config={config} showTotal={showTotal} valueUnit={valueUnit} />
        )}
      />
      <Legend verticalAlign="bottom" content={() => <ChartLegend config={config} />} />
      {config.map((series) => renderSeries(kind, series))}
      {annotations.map(renderAnnotation)}
    </>
  );
  // No animations: a chart that redraws on every resize makes PNG/SVG exports and screenshots catch it half-drawn.
  // Recharts' keyboard layer would make the SVG focusable inside our role="img" box; the table twin replaces it.
  const common = { data: rows, margin: MARGIN, accessibilityLayer: false } as const;

  return (
    <ResponsiveContainer width="100%" height="100%" minWidth={0}>
      {kind === 'stacked-area' ? (
        <AreaChart {...common}>{parts}</AreaChart>
      ) : kind === 'stacked-bar' ? (
        <BarChart {...common} barCategoryGap="20%">{parts}</BarChart>
      ) : (
        <LineChart {...common}>{parts}</LineChart>
      )}
    </ResponsiveContainer>
  );
}

function renderSeries(kind: ChartKind, { key, label, color }: ChartSeries) {
  switch (kind) {
    case 'stacked-area':
      return (
        <Area
          key={key} dataKey={key} name={label} stackId="total" type="linear"
          fill={color} fillOpacity={1} stroke="#ffffff" isAnimationActive={false} strokeWidth={1} activeDot={{ r: 3, fill: color, stroke: '#ffffff' }}
        />
      );
    case 'stacked-bar':
      return <Bar key={key} dataKey={key} name={label} stackId="total" fill={color} stroke="#ffffff" strokeWidth={1} maxBarSize={56} isAnimationActive={false} />;
    case 'line':
      return (
        <Line
          key={key} dataKey={key} name={label} type="linear" stroke={color} strokeWidth={2} isAnimationActive={false}
          dot={{ r: 3, fill: color, stroke: color }} activeDot={{ r: 5, fill: color, stroke: '#ffffff' }}
        />
      );
  }
}

/** A dashed line at the event, labelled beside it. */
function renderAnnotation({ x, label }: ChartAnnotation, index: number) {
  return (
    <ReferenceLine key={`${x}-${label}`} x={x} stroke={CHART_TEXT} strokeDasharray="4 3" label={<AnnotationLabel text={label} step={index} />} />
  );
}
