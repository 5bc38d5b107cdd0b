import Link from 'next/link';
import styles from './admin.module.css';

/** The GET search form above every admin list: the URL holds the view. */
export function ListSearch({ q, deleted, path, newHref, newLabel, canEdit }: {
  q: string; deleted: boolean; path: string; newHref?: string; newLabel?: string; canEdit: boolean;
}) {
  return (
    <form className={styles.search} method="get" action={path} role="search">
      <label htmlFor="q" className="visually-hidden">Search</label>
      <input id="q" name="q" defaultValue={q} placeholder="Search…" type="search" />
      <label className={styles.check}><input type="checkbox" name="deleted" value="1" defaultChecked={deleted} /> deleted only</label>
      <button type="submit" className={styles.secondary}>Search</button>
      {canEdit && newHref ? <Link href={newHref} className={styles.button}>{newLabel}</Link> : null}
    </form>
  );
}
