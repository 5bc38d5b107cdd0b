import type { Metadata } from 'next';
import Link from 'next/link';
import { listRegionsWithPlants } from '@/lib/db/regions';

export const metadata: Metadata = { title: 'Regions' };
export const dynamic = 'force-dynamic';

export default async function RegionsPage() {
  const regions = await listRegionsWithPlants();
  const depth = (path: string) => path.split('/').filter(Boolean).length - 1;
  return (
    <>
      <h1>Regions</h1>
      <p className="lede">Every macro-region, country and sub-national region with at least one listed plant.</p>
      <ul className="region-tree">
        {regions.map((r) => (
          <li key={r.slug} style={{ marginLeft: `${depth(r.path) * 1.25}rem` }}>
            <Link href={`/regions/${r.slug}`}>{r.name}</Link> <span className="muted">({r.plantCount})</span>
          </li>
        ))}
      </ul>
    </>
  );
}
