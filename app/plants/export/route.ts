import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { toCsv } from '@/lib/csv';
import { exportPlantBatches, type PlantExportRow } from '@/lib/db/export-plants';
import { resolvePlantFilters } from '@/lib/db/resolve-plant-filters';
import { todayIso } from '@/lib/validation/capacity';
import { rawSearchParamsOf } from '@/lib/validation/search-params';
import { csvCell, exportColumns } from './columns';

export const dynamic = 'force-dynamic';

const FormatSchema = z.enum(['csv', 'json']).catch('csv');


/**
 * GET /plants/export?format=csv|json&<explorer filters>: every plant of the filtered set (not
 * just one page), streamed batch by batch so a large set never sits in memory.
 */
export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const raw = rawSearchParamsOf(url.searchParams);
  const format = FormatSchema.parse(url.searchParams.get('format') ?? undefined);
  let resolved: Awaited<ReturnType<typeof resolvePlantFilters>>;
  let batches: AsyncGenerator<PlantExportRow[]>;
  let first: IteratorResult<PlantExportRow[]>;
  try {
    resolved = await resolvePlantFilters(raw, todayIso());
    batches = exportPlantBatches(resolved.filters);
    // The first batch is read before answering, so a database failure is a clean 503, not a cut-off file.
    first = await batches.next();
  } catch (error) {
    const id = randomUUID();
    console.error(`[export ${id}]`, error);
    return Response.json({ error: 'The database is unavailable; please try again shortly.', errorId: id }, { status: 503 });
  }

  const { filters, notices } = resolved;
  const columns = exportColumns(filters, url.origin);
  const header = columns.map((c) => c.name);
  const encoder = new TextEncoder();
  const rowCells = (row: PlantExportRow) => columns.map((c) => csvCell(c.value(row)));
  const rowObject = (row: PlantExportRow) => Object.fromEntries(columns.map((c) => [c.name, c.value(row)]));
  const chunk = (rows: PlantExportRow[], index: number): string => {
    if (format === 'csv') {
      const csv = toCsv(header, rows.map(rowCells));
      return csv.slice(csv.indexOf('\r\n') + 2);
    }
    return rows.map((r, i) => `${index + i === 0 ? '' : ','}\n${JSON.stringify(rowObject(r))}`).join('');
  };
  const opening = format === 'csv'
    ? toCsv(header, [], { bom: true })
    : `{"generatedAt":${JSON.stringify(new Date().toISOString())},"asOf":${JSON.stringify(filters.asOf)},` +
      `"query":${JSON.stringify(url.search)},"notices":${JSON.stringify(notices)},"columns":${JSON.stringify(header)},"plants":[`;

  let written = 0;
  let pending: IteratorResult<PlantExportRow[]> | null = first;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(opening));
    },
    async pull(controller) {
      try {
        const next = pending ?? (await batches.next());
        pending = null;
        if (next.done) {
          if (format === 'json') controller.enqueue(encoder.encode(`\n],"count":${written}}\n`));
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(chunk(next.value, written)));
        written += next.value.length;
      } catch (error) {
        console.error('[export] stream failed', error);
        controller.error(error);
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  const fileName = `voltrack-plants-${filters.asOf}.${format}`;
  return new Response(body, {
    headers: {
      'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
