import type { Metadata } from 'next';
import Link from 'next/link';
import { DATASET_DICTIONARY, DATASET_TABLES } from '@/lib/api/dataset-dictionary';
import { listDatasetSnapshots } from '@/lib/db/api/list-dataset-snapshots';
import { getDatasetFacts } from '@/lib/db/dataset-facts';
import { formatDate, formatInt } from '@/lib/format';
import { requestOrigin } from '@/lib/request-origin';
import { todayIso } from '@/lib/validation/capacity';

export const metadata: Metadata = { title: 'Open data', description: 'Download Voltrack’s whole dataset as CSV or JSON, with sources, a data dictionary and dated snapshots for citation. CC BY 4.0.' };
export const dynamic = 'force-dynamic';

const kb = (bytes: number) => `${formatInt(Math.max(1, Math.round(bytes / 1024)))} KB`;

export default async function DataPage() {
  const [facts, snapshots, origin] = await Promise.all([getDatasetFacts(), listDatasetSnapshots(), requestOrigin()]);
  const latest = snapshots[0];
  return (
    <>
      <h1>Open data</h1>
      <p className="lede">
        The whole Voltrack dataset — {formatInt(facts.plants)} plants, {formatInt(facts.announcements)} dated capacity
        announcements, {formatInt(facts.contracts)} contracts and the {formatInt(facts.sources)} sources behind them — free to
        download, reuse and republish under <a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>. Every figure
        carries the source it comes from.
      </p>
      <h2>Download today’s data</h2>
      <ul>
        <li><a href="/api/v1/download/dataset.zip" download>dataset.zip</a> — one CSV file per table, a data dictionary (README.txt), the licence notice (LICENSE.txt) and dataset.json.</li>
        <li><a href="/api/v1/download/dataset.json" download>dataset.json</a> — every table as typed JSON rows, with the dictionary.</li>
        <li>Just some plants? Filter them in the <Link href="/plants">explorer</Link> and use its download, or query the <Link href="/api">API</Link>.</li>
      </ul>
      <p className="muted">The live files change whenever the data does. To cite a version that stays fixed, use a dated snapshot.</p>

      <h2>Dated snapshots</h2>
      {snapshots.length === 0 ? (
        <p>No snapshot has been taken yet. An operator takes one with <code>npm run data:snapshot</code>; it then stays here unchanged.</p>
      ) : (
        <>
          <p>
            Each snapshot is stored once and never changes, so a citation keeps pointing at exactly the data you used. Suggested
            citation: <q>Voltrack, Europe’s battery-cell gigafactories, dataset of {formatDate(latest!.date)}, CC BY 4.0,
            {' '}{origin}/api/v1/download/snapshots/{latest!.date}.zip</q>.
          </p>
          <div className="table-wrap">
            <table>
              <caption>Snapshots, newest first; SHA-256 lets you check a copy</caption>
              <thead><tr><th scope="col">Date</th><th scope="col">Files</th><th scope="col" className="num">Plants</th><th scope="col" className="num">Announcements</th><th scope="col">zip SHA-256</th></tr></thead>
              <tbody>
                {snapshots.map((s) => (
                  <tr key={s.date}>
                    <th scope="row">{formatDate(s.date)}</th>
                    <td>
                      <a href={`/api/v1/download/snapshots/${s.date}.zip`}>{s.date}.zip</a> ({kb(s.zipBytes)}) ·{' '}
                      <a href={`/api/v1/download/snapshots/${s.date}.json`}>{s.date}.json</a> ({kb(s.jsonBytes)})
                    </td>
                    <td className="num">{formatInt(s.counts.plants ?? 0)}</td>
                    <td className="num">{formatInt(s.counts.capacity_announcements ?? 0)}</td>
                    <td><code title={s.zipSha256}>{s.zipSha256.slice(0, 16)}…</code></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      <h2>What the files hold</h2>
      <p>UTF-8 CSV, comma-separated, with a header row; empty cells mean unknown. The README in the zip explains every column.</p>
      <dl className="prose">
        {DATASET_TABLES.map((name) => (
          <div key={name}>
            <dt>{DATASET_DICTIONARY[name].file}</dt>
            <dd>{DATASET_DICTIONARY[name].description} <span className="muted">Columns: {DATASET_DICTIONARY[name].columns.map((c) => c.name).join(', ')}.</span></dd>
          </div>
        ))}
      </dl>

      <h2>Follow changes</h2>
      <p>
        The <a href="/feed.xml">Atom feed</a> lists new plants, status changes, capacity announcements and contracts with their
        sources; narrow it to a region or a company, e.g. <a href="/feed.xml?region=hauts-de-france">/feed.xml?region=hauts-de-france</a>.
        Data as of {formatDate(todayIso())}; newest fact {facts.latestFact ? formatDate(facts.latestFact) : '—'}.
      </p>
    </>
  );
}
