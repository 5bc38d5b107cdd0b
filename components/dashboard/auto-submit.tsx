'use client';

import { useEffect, useRef } from 'react';

type Control = HTMLInputElement | HTMLSelectElement;

/** Whether the visitor changed this control from the value the page was rendered with. */
function changed(control: Element): control is Control {
  if (control instanceof HTMLSelectElement) return Array.from(control.options).some((o) => o.selected !== o.defaultSelected);
  if (!(control instanceof HTMLInputElement)) return false;
  return control.type === 'checkbox' || control.type === 'radio'
    ? control.checked !== control.defaultChecked
    : control.value !== control.defaultValue;
}

/**
 * Submits the surrounding form when a control changes, so the view follows the selection
 * at once. Without JavaScript the form's Apply button does the same. A change made before this
 * script ran (the page is usable before it hydrates) is submitted as soon as it runs. The form
 * should have autoComplete="off", so that a page restored from history shows its own view's
 * values rather than the ones the visitor left it with.
 */
export function AutoSubmit() {
  const marker = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const form = marker.current?.closest('form');
    if (!form) return;
    const submit = (control: Control) => {
      if (control instanceof HTMLInputElement && control.type === 'number' && !control.checkValidity()) return;
      form.requestSubmit();
    };
    const onChange = (event: Event) => {
      if (event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement) submit(event.target);
    };
    form.addEventListener('change', onChange);
    const early = Array.from(form.elements).find(changed);
    if (early) submit(early);
    return () => form.removeEventListener('change', onChange);
  }, []);
  return <span ref={marker} hidden />;
}
