import type { Metadata } from 'next';
import { ImportForm } from '@/components/admin/import-form';
import { requirePageRole } from '@/lib/auth/page-gate';
import { COLUMN_HELP, columnsOf, IMPORT_KINDS, IMPORT_MAX_BYTES, REQUIRED_COLUMNS } from '@/lib/validation/import';
import { importAction } from './actions';

export const metadata: Metadata = { title: 'Import' };

export default async function ImportPage() {
  await requirePageRole('editor');
  return (
    <>
      <h1>Bulk import</h1>
      <p className="lede">
        Upload a CSV file (UTF-8, up to {IMPORT_MAX_BYTES / 1000} kB) of plants, capacity announcements or contracts. Rows are matched on
        their <code>ref</code>. The dry run lists every row as new, changed, unchanged or error; the import then writes all rows or
        none, and importing the same file again changes nothing. Columns you leave out keep their current values.
        Capacity figures are never overwritten: a new figure needs a new ref.
      </p>
      <ImportForm action={importAction} />
      <h2>Templates and columns</h2>
      {IMPORT_KINDS.map((kind) => (
        <section key={kind}>
          <h3>{kind} — <a href={`/admin/import/template/${kind}`} download>download template</a></h3>
          <p className="muted">
            {columnsOf(kind).map((c, i) => (
              <span key={c}>{i ? ', ' : ''}<code>{c}</code>{REQUIRED_COLUMNS[kind].includes(c) ? '*' : ''}{COLUMN_HELP[c] ? ` (${COLUMN_HELP[c]})` : ''}</span>
            ))}
          </p>
        </section>
      ))}
      <p className="muted">* required column. Enumerations use the values shown in the admin forms (e.g. status under_construction).</p>
    </>
  );
}
