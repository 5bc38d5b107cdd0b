import 'server-only';
import { type DatasetReaderOptions, openDatasetReader } from './open-dataset-reader';
import type { DatasetSource } from './read-open-dataset';

export interface DatasetStream {
  /** data_version.version of the snapshot the body is read from (for the ETag). */
  version: string;
  /** The file's bytes, read from the database as the client reads them. */
  body: ReadableStream<Uint8Array>;
}

/**
 * A dataset file (`build` turns rows into chunks: lib/api/dataset.ts) as a byte stream in bounded
 * memory: the next batch is read only when the client has taken the last one. The transaction is
 * open when this resolves (a database fault here still becomes the API's 503) and ends when the
 * body is read to its end, cancelled, or fails. A failure after the first byte can no longer
 * change the status: the body errors (the client sees a truncated download) and it is logged.
 */
export async function streamOpenDataset(
  build: (source: DatasetSource) => AsyncIterable<string | Uint8Array>,
  options: DatasetReaderOptions = {},
): Promise<DatasetStream> {
  const reader = await openDatasetReader(options);
  const chunks = build(reader.source)[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        for (;;) {
          const next = await chunks.next();
          if (next.done) {
            await reader.close();
            controller.close();
            return;
          }
          const bytes = typeof next.value === 'string' ? encoder.encode(next.value) : next.value;
          if (bytes.byteLength) {
            controller.enqueue(bytes);
            return;
          }
        }
      } catch (error) {
        await reader.close();
        if (cancelled) return;
        console.warn(`[download] dataset stream failed: ${error instanceof Error ? error.message.trim().split('\n').at(-1) : String(error)}`);
        controller.error(error);
      }
    },
    async cancel() {
      cancelled = true;
      await reader.close();
      await chunks.return?.(undefined).catch(() => undefined);
    },
  });
  return { version: reader.version, body };
}
