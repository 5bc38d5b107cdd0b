import Link from 'next/link';
import { changeTitle } from '@/lib/api/atom';
import type { ChangeRow } from '@/lib/db/list-changes';
import { SourceLink } from '../source-link';
import styles from './dashboard.module.css';

/** The latest changes known on the view's date (the change feed's), newest published first. */
export function RecentChanges({ changes }: { changes: ChangeRow[] }) {
  if (changes.length === 0) return <p>No change was public by this date.</p>;
  return (
    <ol className={styles.changes}>
      {changes.map((c) => (
        <li key={c.id}>
          <time dateTime={c.knownOn}>{c.knownOn}</time>
          <span>
            {c.plant ? <Link href={`/plants/${c.plant.slug}`}>{changeTitle(c)}</Link> : changeTitle(c)}
            {c.date !== c.knownOn ? <small> (dated {c.date})</small> : null}
          </span>
          <span className={styles.src}>Source: {c.source ? <SourceLink source={c.source} /> : 'not recorded'}</span>
        </li>
      ))}
    </ol>
  );
}
