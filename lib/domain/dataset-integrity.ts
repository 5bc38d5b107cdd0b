// Cross-reference checks on the curated dataset that a per-row schema cannot make, and the rules
// every fact must keep (docs: prisma/seed/data/README.md).
import type { SeedDataset } from '../validation/seed';
import { endOfPeriod } from './dates';

/** Hosts whose pages are never citable on their own (aggregators, teasers, listings, unrelated outlets). */
export const WEAK_HOSTS = [
  'myanmaritv.com', 'wowkorea.jp', 'marklines.com', 'poslovni.hr', 'pmtoday.co.uk', 'sammobile.com', 'topnews.',
  'hardwarebee.com', 'mexicobusiness.news', 'famagusta-gazette.com', 'techreleased.com', 'dayfr.com', 'upday.com',
  'finanznachrichten.de', 'aman-alliance.org', 'theportugalnews.com', 'drupal-prod.', 'finanzen.net',
] as const;

interface DatedFact {
  source: string;
  knownOn?: string;
}

/** The date a fact became public: its explicit knownOn, else its source's publication date (end of period). */
export function factKnownOn(fact: DatedFact, sources: ReadonlyMap<string, { publishedOn: string; datePrecision: 'day' | 'month' | 'year' }>): string | null {
  if (fact.knownOn) return fact.knownOn;
  const s = sources.get(fact.source);
  return s ? endOfPeriod(s.publishedOn, s.datePrecision) : null;
}

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
  dupes('source key', data.sources.map((s) => s.key));
  dupes('source url', data.sources.map((s) => s.url));
  dupes('source publisher+title', data.sources.map((s) => `${s.publisher} | ${s.title}`));
  const sources = new Map(data.sources.map((s) => [s.key, s]));
  const plantRefs = dupes('plant ref', data.plants.map((p) => p.ref));
  dupes('plant slug', data.plants.map((p) => p.slug));
  dupes('contract ref', data.contracts.map((c) => c.ref));
  dupes('fact ref', [
    ...data.plants.flatMap((p) => [...p.ownership, ...p.statusHistory, ...p.announcements].map((e) => e.ref)),
    ...data.contracts.flatMap((c) => c.events.map((e) => e.ref)),
  ]);
  dupes('company link', data.companyParents.map((l) => `${l.company} ← ${l.parent} on ${l.effectiveOn}`));

  const usedSources = new Set<string>();
  const cite = (where: string, key: string) => {
    usedSources.add(key);
    if (!sources.has(key)) problems.push(`${where}: unknown source ${key}`);
  };
  /** A fact: its source exists and is not weak, and it is not known before its source was published. */
  const fact = (where: string, f: DatedFact & { effectiveOn?: string; announcedOn?: string }) => {
    cite(where, f.source);
    const s = sources.get(f.source);
    if (!s) return;
    if (s.tier === 'weak') problems.push(`${where}: rests on the weak source ${f.source} alone`);
    const earliest = endOfPeriod(s.publishedOn, s.datePrecision);
    if (f.knownOn && f.knownOn < earliest) problems.push(`${where}: knownOn ${f.knownOn} is before its source ${f.source} was published (${earliest})`);
    const known = factKnownOn(f, sources)!;
    if (f.announcedOn && f.announcedOn > known) problems.push(`${where}: announced ${f.announcedOn}, after it became known (${known})`);
  };
  const company = (where: string, slug: string | null) => {
    if (slug !== null && !companySlugs.has(slug)) problems.push(`${where}: unknown company ${slug}`);
  };
  const inPrefix = (where: string, ref: string, owner: string) => {
    if (!ref.startsWith(`${owner}/`)) problems.push(`${where}: ref ${ref} must start with ${owner}/`);
  };

  for (const r of data.regions) {
    if (r.parent === null && r.level !== 'macro') problems.push(`region ${r.slug}: only macro-regions have no parent`);
    if (r.parent !== null && !regionSlugs.has(r.parent)) problems.push(`region ${r.slug}: unknown parent ${r.parent}`);
  }
  for (const c of data.companies) {
    company(`company ${c.slug} successor`, c.successor);
    if (c.hqCountry && !countryCodes.has(c.hqCountry)) problems.push(`company ${c.slug}: unknown HQ country ${c.hqCountry}`);
  }
  for (const l of data.companyParents) {
    const where = `company link ${l.company} ← ${l.parent}`;
    company(where, l.company);
    company(where, l.parent);
    if (l.company === l.parent) problems.push(`${where}: a company cannot own itself`);
    fact(where, l);
  }
  for (const p of data.plants) {
    const where = `plant ${p.ref}`;
    if (!regionSlugs.has(p.region)) problems.push(`${where}: unknown region ${p.region}`);
    else if (regionLevel.get(p.region) === 'macro') problems.push(`${where}: region must be a country or below`);
    if (!countryCodes.has(p.country)) problems.push(`${where}: unknown country ${p.country}`);
    if ((p.lat === null) !== (p.lon === null)) problems.push(`${where}: lat and lon go together`);
    p.sources.forEach((s) => cite(where, s));
    const listed = new Set(p.sources);
    for (const f of [...p.ownership, ...p.statusHistory, ...p.announcements]) {
      inPrefix(where, f.ref, p.ref);
      fact(`${where} ${f.ref}`, f);
      if (!listed.has(f.source)) problems.push(`${where} ${f.ref}: its source ${f.source} is missing from the plant's sources`);
    }
    for (const o of p.ownership) company(`${where} ${o.ref}`, o.company);
    if (!p.ownership.some((o) => o.role === 'operator')) problems.push(`${where}: no operator`);
    if (p.inCellTotals && p.facilityType === 'module_pack') problems.push(`${where}: a module/pack site is not in cell totals`);
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
    c.sources.forEach((s) => cite(where, s));
    for (const e of c.events) {
      inPrefix(where, e.ref, c.ref);
      fact(`${where} ${e.ref}`, e);
    }
  }
  dupes('tracker figure ref', data.trackerFigures.map((f) => f.ref));
  for (const f of data.trackerFigures) {
    // Another tracker's figure may be reported only by a weak page (it is shown flagged); it is never a plant fact.
    cite(`tracker figure ${f.ref}`, f.source);
    if (f.region !== undefined && !regionSlugs.has(f.region)) problems.push(`tracker figure ${f.ref}: unknown region ${f.region}`);
    const s = sources.get(f.source);
    if (s && f.knownOn && f.knownOn < endOfPeriod(s.publishedOn, s.datePrecision)) problems.push(`tracker figure ${f.ref}: knownOn before its source was published`);
  }
  for (const claim of data.regionClaims) {
    if (!regionSlugs.has(claim.region)) problems.push(`claim ${claim.ref}: unknown region ${claim.region}`);
    cite(`claim ${claim.ref}`, claim.source);
  }
  for (const s of data.sources) {
    if (!usedSources.has(s.key)) problems.push(`source ${s.key} is never cited`);
    const host = WEAK_HOSTS.find((h) => s.url.includes(h));
    if (host && s.tier !== 'weak') problems.push(`source ${s.key}: ${host} pages are weak sources, not ${s.tier}`);
  }
  return problems;
}
