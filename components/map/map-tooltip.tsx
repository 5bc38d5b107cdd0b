'use client';

import { useEffect, useRef, useState } from 'react';
import styles from './europe-map.module.css';

interface Tip { text: string; x: number; y: number; below: boolean }

/**
 * The label of the plant marker under the pointer or keyboard focus, one for the whole map. It
 * shows the marker's own accessible name (its aria-label), so the page carries each plant's label
 * once instead of a hidden label box per marker. Screen readers read the aria-label itself; this
 * is for sighted mouse and keyboard users, hence aria-hidden.
 */
export function MapTooltip() {
  const ref = useRef<HTMLDivElement>(null);
  const [tip, setTip] = useState<Tip | null>(null);

  useEffect(() => {
    const figure = ref.current?.parentElement;
    if (!figure) return;
    const markerOf = (event: Event) => {
      const target = event.target instanceof Element ? event.target.closest('a[aria-label]') : null;
      return target && figure.contains(target) && target.closest('svg') ? target : null;
    };
    const show = (event: Event) => {
      const marker = markerOf(event);
      if (!marker) return;
      const dot = (marker.querySelector('circle') ?? marker).getBoundingClientRect();
      const box = figure.getBoundingClientRect();
      const y = dot.top - box.top;
      setTip({
        text: marker.getAttribute('aria-label') ?? '',
        x: Math.min(Math.max(dot.left + dot.width / 2 - box.left, 130), box.width - 130),
        // Above the circle when there is room, else below it.
        below: y < 48,
        y: y < 48 ? dot.bottom - box.top : y,
      });
    };
    const hide = (event: Event) => {
      if (markerOf(event)) setTip(null);
    };
    figure.addEventListener('pointerover', show);
    figure.addEventListener('focusin', show);
    figure.addEventListener('pointerout', hide);
    figure.addEventListener('focusout', hide);
    return () => {
      figure.removeEventListener('pointerover', show);
      figure.removeEventListener('focusin', show);
      figure.removeEventListener('pointerout', hide);
      figure.removeEventListener('focusout', hide);
    };
  }, []);

  return (
    <div
      ref={ref} aria-hidden="true" hidden={!tip}
      className={`${styles.tooltip} ${tip?.below ? styles.below : ''}`}
      style={tip ? { left: tip.x, top: tip.y } : undefined}
    >
      {tip?.text}
    </div>
  );
}
