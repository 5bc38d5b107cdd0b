import type { ImportPreview } from '@/lib/db/admin/import-plan';

export interface ImportState {
  status: 'idle' | 'preview' | 'committed' | 'error';
  message?: string;
  preview?: ImportPreview;
  fileName?: string;
}
