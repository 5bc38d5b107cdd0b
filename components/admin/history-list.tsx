import type { ReactNode } from 'react';
import type { HistoryEntry } from '@/lib/db/admin/audit-rows';
import { ENTITY_LABELS } from '@/lib/validation/history';
import { fieldLabel, formatValue } from './audit-diff';
import styles from './admin.module.css';

const ACTIONS: Record<string, string> = { create: 'created', update: 'changed', delete: 'deleted', restore: 'restored', import: 'imported' };

/** Audit entries as a table: when (UTC), who, what, and field: before → after. */
export function HistoryList({ entries, restore }: { entries: HistoryEntry[]; restore?: (entry: HistoryEntry) => ReactNode }) {
  return (
    <div className="table-wrap">
      <table data-history>
        <thead><tr><th>When (UTC)</th><th>Who</th><th>What</th><th>Changes</th>{restore ? <th /> : null}</tr></thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} data-entity={e.entityType} data-action={e.action}>
              <td><time dateTime={e.at}>{e.at.slice(0, 16).replace('T', ' ')}</time></td>
              <td>{e.actor}</td>
              <td>{ENTITY_LABELS[e.entityType] ?? e.entityType} <strong>{e.entityLabel}</strong> {ACTIONS[e.action] ?? e.action}</td>
              <td>
                <ul className={styles.diff}>
                  {e.changes.map((c) => (
                    <li key={c.field}>
                      {fieldLabel(c.field)}:{' '}
                      {e.action === 'create' || (e.action === 'import' && c.before === null)
                        ? <span className={styles.after}>{c.afterLabel ?? formatValue(c.after)}</span>
                        : <><span className={styles.before}>{c.beforeLabel ?? formatValue(c.before)}</span> → <span className={styles.after}>{c.afterLabel ?? formatValue(c.after)}</span></>}
                    </li>
                  ))}
                </ul>
              </td>
              {restore ? <td>{restore(e)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
