import Link from 'next/link';
import type { PlantCapacityRow } from '@/lib/db/plant-capacities';
import { STATUS_LABELS } from '@/lib/domain/plant-status';
import { formatCapacity } from '@/lib/format';

/** Beyond this many the table lists the largest and links to the explorer for the rest. */
const MAX_ROWS = 100;

export function RegionPlants({ plants, year, regionName, explorerHref }: {
  plants: PlantCapacityRow[]; year: number; regionName: string; explorerHref: string;
}) {
  const shown = plants.slice(0, MAX_ROWS);
  return (
    <section aria-labelledby="plants">
      <h2 id="plants">Plants in {regionName}</h2>
      {plants.length === 0 ? <p>No plant in this region was known on the chosen date.</p> : (
        <div className="table-wrap">
          <table>
            <caption>
              {shown.length < plants.length
                ? <>The {MAX_ROWS} largest of {plants.length} plants known on the chosen date, by capacity in {year} (all of them in the <Link href={explorerHref}>plant explorer</Link>)</>
                : <>Every plant known on the chosen date, largest capacity in {year} first</>}
            </caption>
            <thead>
              <tr><th scope="col">Plant</th><th scope="col">Operator</th><th scope="col">City</th><th scope="col">Status</th><th scope="col" className="num">GWh/yr in {year}</th></tr>
            </thead>
            <tbody>
              {shown.map((p) => (
                <tr key={p.slug}>
                  <th scope="row"><Link href={`/plants/${p.slug}`}>{p.name}</Link></th>
                  <td>{p.operator}</td>
                  <td>{p.city}</td>
                  <td>{STATUS_LABELS[p.status]}{p.inCellTotals ? '' : ' (modules/packs; not counted)'}</td>
                  <td className="num">{formatCapacity(p.gwh)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
