// Cross-reference checks on the curated dataset that a per-row schema cannot make.
import type { SeedDataset } from '../validation/seed';

export function findDatasetProblems(data: SeedDataset): string[] {
  const problems: string[] = [];
  const dupes = (label: string, values: string[]) => {
    const seen = new Set<string>();
    for (const v of values) {
      if (seen.has(v)) problems.push(`duplicate ${label}: ${v}`);
      seen.add(v);
    }
    return seen;
  };
  const regionSlugs = dupes('region slug', data.regions.map((r) => r.slug));
  const regionLevel = new Map(data.regions.map((r) => [r.slug, r.level]));
  const countryCodes = new Set(data.regions.filter((r) => r.level === 'country').map((r) => r.code));
  dupes('region code', data.regions.flatMap((r) => (r.code ? [r.code] : [])));
  const companySlugs = dupes('company slug', data.companies.map((c) => c.slug));
  dupes('company name', data.companies.map((c) => c.name));
  const sourceKeys = dupes('source key', data.sources.map((s) => s.key));
  dupes('source url', data.sources.flatMap((s) => (s.url ? [s.url] : [])));
  dupes('source publisher+title', data.sources.map((s) => `${s.publisher} | ${s.title}`));
  const plantRefs = dupes('plant ref', data.plants.map((p) => p.ref));
  dupes('plant slug', data.plants.map((p) => p.slug));
  dupes('contract ref', data.contracts.map((c) => c.ref));
  dupes('status/announcement ref', data.plants.flatMap((p) => [
    ...p.statusHistory.map((e) => e.ref), ...p.announcements.map((a) => a.ref),
  ]));
  const usedSources = new Set<string>();
  const source = (where: string, key: string | null) => {
    if (key === null) return;
    usedSources.add(key);
    if (!sourceKeys.has(key)) problems.push(`${where}: unknown source ${key}`);
  };
  const company = (where: string, slug: string | null) => {
    if (slug !== null && !companySlugs.has(slug)) problems.push(`${where}: unknown company ${slug}`);
  };

  for (const r of data.regions) {
    if (r.parent === null && r.level !== 'macro') problems.push(`region ${r.slug}: only macro-regions have no parent`);
    if (r.parent !== null && !regionSlugs.has(r.parent)) problems.push(`region ${r.slug}: unknown parent ${r.parent}`);
  }
  for (const c of data.companies) {
    company(`company ${c.slug} successor`, c.successor);
    company(`company ${c.slug} parent`, c.parent);
    if (c.hqCountry && !countryCodes.has(c.hqCountry)) problems.push(`company ${c.slug}: unknown HQ country ${c.hqCountry}`);
  }
  for (const p of data.plants) {
    const where = `plant ${p.ref}`;
    company(`${where} operator`, p.operator);
    for (const partner of p.partners) company(`${where} partner`, partner.company);
    if (!regionSlugs.has(p.region)) problems.push(`${where}: unknown region ${p.region}`);
    else if (regionLevel.get(p.region) === 'macro') problems.push(`${where}: region must be a country or below`);
    if (!countryCodes.has(p.country)) problems.push(`${where}: unknown country ${p.country}`);
    if ((p.lat === null) !== (p.lon === null)) problems.push(`${where}: lat and lon go together`);
    p.sources.forEach((s) => source(where, s));
    p.statusHistory.forEach((e) => source(`${where} ${e.ref}`, e.source));
    p.announcements.forEach((a) => source(`${where} ${a.ref}`, a.source));
    const sorted = [...p.statusHistory].sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn));
    if (sorted.at(-1)?.status === undefined) problems.push(`${where}: no status`);
    if (p.announcements.some((a) => a.source === null)) problems.push(`${where}: every capacity figure needs a source`);
  }
  for (const c of data.contracts) {
    const where = `contract ${c.ref}`;
    company(`${where} supplier`, c.supplier);
    company(`${where} buyer`, c.buyer);
    if (c.supplier === c.buyer) problems.push(`${where}: supplier and buyer are the same`);
    if (c.plant !== null && !plantRefs.has(c.plant)) problems.push(`${where}: unknown plant ${c.plant}`);
    if (c.startYear !== null && c.endYear !== null && c.endYear < c.startYear) problems.push(`${where}: ends before it starts`);
    if ((c.volumeGwh === null) !== (c.volumeBasis === null)) problems.push(`${where}: volumeGwh and volumeBasis go together`);
    if (c.valueAmount !== null && c.valueCurrency === null) problems.push(`${where}: a value needs a currency`);
    c.sources.forEach((s) => source(where, s));
  }
  for (const claim of data.regionClaims) {
    if (!regionSlugs.has(claim.region)) problems.push(`claim ${claim.ref}: unknown region ${claim.region}`);
    source(`claim ${claim.ref}`, claim.source);
  }
  for (const s of data.sources) if (!usedSources.has(s.key)) problems.push(`source ${s.key} is never cited`);
  return problems;
}
