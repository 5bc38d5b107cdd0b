import { type HistoryTarget, listEntityHistory } from '@/lib/db/admin/list-entity-history';
import { HistoryList } from './history-list';

/**
 * A record's change history as readable diffs (server component). Public: it shows editors'
 * names, never their email addresses. Mount on a public plant page with
 * `<EntityHistory entity={{ type: 'plant', ref: plant.ref }} />` (companies: `{ type: 'company', slug }`).
 */
export async function EntityHistory({ entity, title = 'Change history', limit = 50 }: {
  entity: HistoryTarget; title?: string; limit?: number;
}) {
  const entries = await listEntityHistory(entity, limit);
  const key = `history-${entity.type}-${Object.values(entity)[1]}`.replace(/[^\w-]/g, '-');
  return (
    <section aria-labelledby={key}>
      <h2 id={key}>{title}</h2>
      {entries.length === 0 ? <p className="muted">No recorded changes yet (records loaded from the curated dataset have no edit history).</p> : <HistoryList entries={entries} />}
    </section>
  );
}
