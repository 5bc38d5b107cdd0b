'use server';

import { revalidatePath } from 'next/cache';
import type { ImportState } from '@/components/admin/import-state';
import { isAppError } from '@/lib/errors';
import { commitImport } from '@/lib/db/admin/commit-import';
import type { ImportPreview } from '@/lib/db/admin/import-plan';
import { previewImport } from '@/lib/db/admin/preview-import';

/** One form, two buttons: intent=preview is the dry run, intent=commit imports all-or-nothing. */
export async function importAction(_prev: ImportState, formData: FormData): Promise<ImportState> {
  const file = formData.get('file');
  const kind = formData.get('kind');
  const intent = formData.get('intent') === 'commit' ? 'commit' : 'preview';
  if (!(file instanceof File) || file.size === 0) return { status: 'error', message: 'Choose a CSV file.' };
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    if (intent === 'preview') return { status: 'preview', preview: await previewImport(kind, bytes), fileName: file.name };
    const preview = await commitImport(kind, bytes);
    revalidatePath('/', 'layout');
    return { status: 'committed', preview, fileName: file.name };
  } catch (error) {
    if (!isAppError(error)) throw error;
    const preview = error.details?.preview as ImportPreview | undefined;
    return { status: 'error', message: error.message, preview, fileName: file.name };
  }
}
