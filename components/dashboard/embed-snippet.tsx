'use client';

import { useSyncExternalStore } from 'react';
import styles from './dashboard.module.css';

const noSubscription = () => () => undefined;

/**
 * Copyable iframe code for the main chart; /embed pages carry no site chrome. The page is
 * cached and shared whatever host name a visitor used, so the origin comes from the browser.
 */
export function EmbedSnippet({ path }: { path: string }) {
  const origin = useSyncExternalStore(noSubscription, () => window.location.origin, () => '');
  const code = `<iframe src="${origin}${path}" title="Voltrack: battery-cell capacity" width="100%" height="560" style="border:0" loading="lazy"></iframe>`;
  return (
    <details className={styles.embed}>
      <summary>Embed this chart on your site</summary>
      <label htmlFor="embed-code">HTML to paste</label>
      <textarea id="embed-code" readOnly rows={3} value={code} />
      <p>The embedded chart keeps these settings and links back to this view.</p>
    </details>
  );
}
