'use client';

import { Text, usePlotArea } from 'recharts';
import { CHART_FONT_SIZE, CHART_TEXT } from './theme';

const LINE_HEIGHT = 15;

interface AnnotationLabelProps {
  text: string;
  /** Position among the chart's annotations; each steps two lines down so neighbours don't collide. */
  step: number;
  /** Set by recharts' Label: the reference line's box. */
  viewBox?: { x?: number };
}

/**
 * Label for a ReferenceLine: on whichever side of the line has more room, wrapped to that room
 * (at most two lines) so it never runs off a 360 px wide chart.
 */
export function AnnotationLabel({ text, step, viewBox }: AnnotationLabelProps) {
  const plot = usePlotArea();
  const lineX = viewBox?.x;
  if (!plot || lineX === undefined) return null;
  const roomRight = plot.x + plot.width - lineX - 8;
  const roomLeft = lineX - plot.x - 8;
  const right = roomRight >= roomLeft;
  return (
    <Text
      x={right ? lineX + 4 : lineX - 4} y={plot.y + 2 + (step % 3) * LINE_HEIGHT * 2}
      width={Math.max(48, right ? roomRight : roomLeft)} maxLines={2} lineHeight={LINE_HEIGHT}
      textAnchor={right ? 'start' : 'end'} verticalAnchor="start"
      fill={CHART_TEXT} fontSize={CHART_FONT_SIZE} fontWeight={600} halo
    >
      {text}
    </Text>
  );
}
