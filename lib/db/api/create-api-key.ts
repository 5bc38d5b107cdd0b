import 'server-only';
import { generateApiKey } from '../../api/api-key-format';
import { requireRole } from '../../auth/session';
import { Prisma } from '../../generated/prisma/client';
import { ApiKeyInputSchema } from '../../validation/api/api-keys';
import { parseInput } from '../admin/parse-input';
import { db } from '../client';

/**
 * A new API key for the signed-in editor, who it will act as. The key is returned once; only its
 * SHA-256 is stored.
 */
export async function createApiKey(input: unknown): Promise<{ id: number; prefix: string; key: string }> {
  const actor = await requireRole('editor');
  const data = parseInput(ApiKeyInputSchema, input);
  for (let attempt = 0; ; attempt++) {
    const { key, prefix, hash } = generateApiKey();
    try {
      const row = await db().apiKey.create({
        data: { name: data.name, prefix, hash, scopes: data.write ? ['read', 'write'] : ['read'], userId: actor.userId },
        select: { id: true },
      });
      return { id: row.id, prefix, key };
    } catch (error) {
      // The 8-character public prefix may collide (1 in 2·10^14); draw another.
      if (attempt < 3 && error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') continue;
      throw error;
    }
  }
}
