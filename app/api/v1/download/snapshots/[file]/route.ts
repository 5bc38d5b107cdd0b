import { apiRoute } from '@/lib/api/route';
import { getDatasetSnapshotFile } from '@/lib/db/api/get-dataset-snapshot-file';
import { AppError } from '@/lib/errors';
import { SNAPSHOT_FILE } from '@/lib/validation/api/downloads';
import { parseApiQuery } from '@/lib/validation/api/query';
import { IsoDateSchema } from '@/lib/validation/fields';

export const dynamic = 'force-dynamic';

const NOT_FOUND = 'No snapshot has this name; GET /api/v1/download/snapshots lists them (e.g. 2026-11-28.zip).';

/** One dated snapshot file, byte for byte as taken: cacheable forever. */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({
  GET: async ({ url, params }) => {
    parseApiQuery(url.searchParams, {});
    const match = SNAPSHOT_FILE.exec(params.file ?? '');
    if (!match || !IsoDateSchema.safeParse(match[1]).success) throw new AppError('not_found', NOT_FOUND);
    const [, date, format] = match as unknown as [string, string, 'zip' | 'json'];
    const bytes = await getDatasetSnapshotFile(date, format);
    if (!bytes) throw new AppError('not_found', NOT_FOUND);
    return {
      type: 'file', body: bytes, cache: 'immutable', filename: `voltrack-dataset-${date}.${format}`,
      contentType: format === 'zip' ? 'application/zip' : 'application/json; charset=utf-8',
    };
  },
});
