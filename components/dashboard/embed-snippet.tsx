import styles from './dashboard.module.css';

/** Copyable iframe code for the main chart; /embed pages carry no site chrome. */
export function EmbedSnippet({ src }: { src: string }) {
  const code = `<iframe src="${src}" title="Voltrack: battery-cell capacity" width="100%" height="560" style="border:0" loading="lazy"></iframe>`;
  return (
    <details className={styles.embed}>
      <summary>Embed this chart on your site</summary>
      <label htmlFor="embed-code">HTML to paste</label>
      <textarea id="embed-code" readOnly rows={3} defaultValue={code} />
      <p>The embedded chart keeps these settings and links back to this view.</p>
    </details>
  );
}
