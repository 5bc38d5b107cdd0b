import { findUnknownSlugs, type SlugRefs } from '../db/find-unknown-slugs';
import type { ErrorIssue } from '../errors';
import { invalidQuery } from '../validation/api/query';

const WHAT = { region: 'region', company: 'company', plant: 'plant' } as const;

/**
 * 400 naming each parameter whose slug names nothing. `params` maps the query parameter to the
 * kind of record it refers to (e.g. supplier → company).
 */
export async function requireKnownSlugs(params: Record<string, { kind: keyof SlugRefs; slugs: string[] }>): Promise<void> {
  const refs: Required<SlugRefs> = { region: [], company: [], plant: [] };
  for (const { kind, slugs } of Object.values(params)) refs[kind].push(...slugs);
  const unknown = await findUnknownSlugs(refs);
  const issues: ErrorIssue[] = [];
  for (const [param, { kind, slugs }] of Object.entries(params)) {
    for (const slug of slugs) {
      if (unknown[kind].includes(slug)) issues.push({ path: param, message: `no ${WHAT[kind]} has the slug “${slug}”` });
    }
  }
  if (issues.length) throw invalidQuery(issues);
}
