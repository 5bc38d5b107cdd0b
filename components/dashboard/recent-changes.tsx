import Link from 'next/link';
import type { RecentChange } from '@/lib/db/recent-changes';
import { SourceLink } from '../source-link';
import styles from './dashboard.module.css';

export function RecentChanges({ changes }: { changes: RecentChange[] }) {
  if (changes.length === 0) return <p>No capacity or status changes were known by this date.</p>;
  return (
    <ol className={styles.changes}>
      {changes.map((c, i) => (
        <li key={`${c.kind}-${c.plantSlug}-${c.date}-${i}`}>
          <time dateTime={c.date}>{c.date}</time>
          <span>
            <Link href={`/plants/${c.plantSlug}`}>{c.plantName}</Link>:{' '}
            {c.kind === 'capacity' ? `announced ${c.detail}` : `status ${c.detail}`}
          </span>
          <span className={styles.src}>Source: {c.source ? <SourceLink source={c.source} /> : 'not recorded'}</span>
        </li>
      ))}
    </ol>
  );
}
