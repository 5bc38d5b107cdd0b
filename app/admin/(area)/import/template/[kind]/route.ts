import { requireRole } from '@/lib/auth/session';
import { AppError, toHttpResponse } from '@/lib/errors';
import { ImportKindSchema, templateCsv } from '@/lib/validation/import';

export async function GET(_request: Request, { params }: { params: Promise<{ kind: string }> }) {
  try {
    await requireRole('viewer');
    const kind = ImportKindSchema.safeParse((await params).kind);
    if (!kind.success) throw new AppError('not_found', 'No such template.');
    return new Response(templateCsv(kind.data), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="voltrack-${kind.data}-template.csv"`,
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    return toHttpResponse(error);
  }
}
