'use client';

import { useSelectedLayoutSegment } from 'next/navigation';

/** Site chrome (header, footer) is left out of /embed pages, which other sites frame. */
export function HideInEmbed({ children }: { children: React.ReactNode }) {
  return useSelectedLayoutSegment() === 'embed' ? null : children;
}
