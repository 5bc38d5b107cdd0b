'use client';

import { useEffect, useRef } from 'react';

/**
 * Submits the surrounding form when a control changes, so the view follows the selection
 * at once. Without JavaScript the form's Apply button does the same.
 */
export function AutoSubmit() {
  const marker = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const form = marker.current?.closest('form');
    if (!form) return;
    const onChange = (event: Event) => {
      const target = event.target as HTMLInputElement;
      if (target.type === 'number' && !target.checkValidity()) return;
      form.requestSubmit();
    };
    form.addEventListener('change', onChange);
    return () => form.removeEventListener('change', onChange);
  }, []);
  return <span ref={marker} hidden />;
}
