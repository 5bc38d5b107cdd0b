import 'server-only';
import { factKnownOn } from '../domain/dataset-integrity';
import type { PrismaClient } from '../generated/prisma/client';
import type { SeedDataset } from '../validation/seed';

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

const LEVEL_ORDER = { macro: 0, country: 1, nuts1: 2, nuts2: 3 } as const;
const date = (iso: string | null) => (iso === null ? null : new Date(`${iso}T00:00:00Z`));

/**
 * Writes the curated dataset in one transaction, matching rows on their natural keys
 * (slug, ref, URL, company link), so running it twice leaves the same rows. It adds and updates;
 * it never deletes what editors added since.
 */
export async function writeSeedDataset(client: PrismaClient, data: SeedDataset): Promise<void> {
  const sources = new Map(data.sources.map((s) => [s.key, s]));
  const knownOn = (fact: { source: string; knownOn?: string }) => date(factKnownOn(fact, sources))!;
  await client.$transaction(async (tx) => {
    const regionIds = await writeRegions(tx, data);
    const companyIds = await writeCompanies(tx, data, regionIds.byCode);
    const sourceIds = await writeSources(tx, data);
    const refs = { regionIds, companyIds, sourceIds, knownOn };
    await writeCompanyParents(tx, data, refs);
    const plantIds = await writePlants(tx, data, refs);
    await writeContracts(tx, data, { ...refs, plantIds });
    for (const f of data.trackerFigures) {
      const row = {
        publisher: f.publisher, metric: f.metric, value: f.value, unit: f.unit, scope: f.scope, note: f.note,
        regionId: f.region ? need(regionIds.bySlug, f.region) : null, sourceId: need(sourceIds, f.source), knownOn: knownOn(f),
      };
      await tx.trackerFigure.upsert({ where: { ref: f.ref }, create: { ref: f.ref, ...row }, update: row });
    }
    for (const c of data.regionClaims) {
      const row = {
        regionId: need(regionIds.bySlug, c.region), targetYear: c.targetYear, gwhPerYear: c.gwhPerYear,
        claim: c.claim, sourceId: need(sourceIds, c.source), knownOn: knownOn(c), verified: c.verified,
      };
      await tx.regionClaim.upsert({ where: { ref: c.ref }, create: { ref: c.ref, ...row }, update: row });
    }
  }, { timeout: 300_000, maxWait: 10_000 });
}

interface Refs {
  regionIds: { bySlug: Map<string, number>; byCode: Map<string, number> };
  companyIds: Map<string, number>;
  sourceIds: Map<string, number>;
  knownOn: (fact: { source: string; knownOn?: string }) => Date;
}

function need<K, V>(map: Map<K, V>, key: K): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`dataset reference not found: ${String(key)}`);
  return value;
}

async function writeRegions(tx: Tx, data: SeedDataset) {
  const bySlug = new Map<string, number>();
  const byCode = new Map<string, number>();
  const paths = new Map<string, string>();
  const ordered = [...data.regions].sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
  for (const r of ordered) {
    const parentPath = r.parent ? need(paths, r.parent) : '/';
    const path = `${parentPath}${r.slug}/`;
    const row = { name: r.name, level: r.level, code: r.code, path, parentId: r.parent ? need(bySlug, r.parent) : null };
    const saved = await tx.region.upsert({ where: { slug: r.slug }, create: { slug: r.slug, ...row }, update: row, select: { id: true } });
    bySlug.set(r.slug, saved.id);
    paths.set(r.slug, path);
    if (r.level === 'country' && r.code) byCode.set(r.code, saved.id);
  }
  return { bySlug, byCode };
}

async function writeCompanies(tx: Tx, data: SeedDataset, countryIds: Map<string, number>) {
  const ids = new Map<string, number>();
  // Two passes: successors may come later in the file.
  for (const c of data.companies) {
    const row = {
      name: c.name, origin: c.origin, status: c.status, website: c.website, notes: c.notes,
      hqCountryId: c.hqCountry ? need(countryIds, c.hqCountry) : null,
    };
    const saved = await tx.company.upsert({ where: { slug: c.slug }, create: { slug: c.slug, ...row }, update: row, select: { id: true } });
    ids.set(c.slug, saved.id);
  }
  for (const c of data.companies) {
    await tx.company.update({ where: { slug: c.slug }, data: { successorId: c.successor ? need(ids, c.successor) : null } });
  }
  return ids;
}

async function writeSources(tx: Tx, data: SeedDataset) {
  const ids = new Map<string, number>();
  for (const s of data.sources) {
    const row = {
      url: s.url, publisher: s.publisher, title: s.title, language: s.language, tier: s.tier,
      publishedOn: date(s.publishedOn), datePrecision: s.datePrecision, dateInferred: s.dateInferred, note: s.note,
    };
    const saved = await tx.source.upsert({ where: { url: s.url }, create: row, update: row, select: { id: true } });
    ids.set(s.key, saved.id);
  }
  return ids;
}

async function writeCompanyParents(tx: Tx, data: SeedDataset, refs: Refs) {
  for (const l of data.companyParents) {
    const companyId = need(refs.companyIds, l.company);
    const parentId = need(refs.companyIds, l.parent);
    const effectiveOn = date(l.effectiveOn)!;
    const row = {
      stakePct: l.stakePct, ended: l.ended ?? false, datePrecision: l.datePrecision, knownOn: refs.knownOn(l),
      sourceId: need(refs.sourceIds, l.source), note: l.note,
    };
    await tx.companyParent.upsert({
      where: { companyId_parentId_effectiveOn: { companyId, parentId, effectiveOn } },
      create: { companyId, parentId, effectiveOn, ...row }, update: row,
    });
  }
}

async function writePlants(tx: Tx, data: SeedDataset, refs: Refs) {
  const ids = new Map<string, number>();
  const byOrder = <T extends { ref: string }>(key: (t: T) => string) => (a: T, b: T) =>
    key(a).localeCompare(key(b)) || a.ref.localeCompare(b.ref, 'en', { numeric: true });
  for (const p of data.plants) {
    const current = [...p.statusHistory].sort(byOrder((e) => e.effectiveOn)).at(-1)!;
    const operator = [...p.ownership].filter((o) => o.role === 'operator').sort(byOrder((o) => o.effectiveOn)).at(-1)!;
    const row = {
      slug: p.slug, name: p.name, operatorId: need(refs.companyIds, operator.company), city: p.city,
      regionId: need(refs.regionIds.bySlug, p.region), countryId: need(refs.regionIds.byCode, p.country),
      lat: p.lat, lon: p.lon, locationApproximate: p.locationApproximate, status: current.status,
      chemistry: p.chemistry, chemistryFamily: p.chemistryFamily, segment: p.segment,
      facilityType: p.facilityType, inCellTotals: p.inCellTotals, startYear: p.startYear,
      confidence: p.confidence, notes: p.notes,
    };
    const { id } = await tx.plant.upsert({ where: { ref: p.ref }, create: { ref: p.ref, ...row }, update: row, select: { id: true } });
    ids.set(p.ref, id);
    await tx.plantSource.createMany({
      data: p.sources.map((key) => ({ plantId: id, sourceId: need(refs.sourceIds, key) })),
      skipDuplicates: true,
    });
    for (const o of p.ownership) {
      const dated = {
        plantId: id, companyId: need(refs.companyIds, o.company), effectiveOn: date(o.effectiveOn)!,
        datePrecision: o.datePrecision, knownOn: refs.knownOn(o), sourceId: need(refs.sourceIds, o.source), note: o.note,
      };
      if (o.role === 'operator') {
        await tx.plantOperator.upsert({ where: { ref: o.ref }, create: { ref: o.ref, ...dated }, update: dated });
      } else {
        const prow = { ...dated, role: o.role, stakePct: o.stakePct, ended: o.ended ?? false };
        await tx.plantPartner.upsert({ where: { ref: o.ref }, create: { ref: o.ref, ...prow }, update: prow });
      }
    }
    for (const e of p.statusHistory) {
      const erow = {
        plantId: id, status: e.status, effectiveOn: date(e.effectiveOn)!, datePrecision: e.datePrecision,
        knownOn: refs.knownOn(e), sourceId: need(refs.sourceIds, e.source), note: e.note,
      };
      await tx.plantStatusEvent.upsert({ where: { ref: e.ref }, create: { ref: e.ref, ...erow }, update: erow });
    }
    for (const a of p.announcements) {
      const arow = {
        plantId: id, scope: a.scope, targetYear: a.targetYear, gwhPerYear: a.gwhPerYear,
        announcedOn: date(a.announcedOn)!, datePrecision: a.datePrecision, knownOn: refs.knownOn(a),
        sourceId: need(refs.sourceIds, a.source), confidence: a.confidence, note: a.note,
      };
      await tx.capacityAnnouncement.upsert({ where: { ref: a.ref }, create: { ref: a.ref, ...arow }, update: arow });
    }
  }
  return ids;
}

async function writeContracts(tx: Tx, data: SeedDataset, refs: Refs & { plantIds: Map<string, number> }) {
  for (const c of data.contracts) {
    const latest = [...c.events].sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn) || a.ref.localeCompare(b.ref, 'en', { numeric: true })).at(-1)!;
    const row = {
      kind: c.kind, supplierId: need(refs.companyIds, c.supplier), buyerId: need(refs.companyIds, c.buyer),
      plantId: c.plant ? need(refs.plantIds, c.plant) : null, signedOn: date(c.signedOn),
      datePrecision: c.datePrecision, startYear: c.startYear, endYear: c.endYear, durationYears: c.durationYears,
      volumeGwh: c.volumeGwh, volumeBasis: c.volumeBasis, valueAmount: c.valueAmount,
      valueCurrency: c.valueCurrency, valueText: c.valueText, status: latest.status,
      statusChangedOn: date(latest.effectiveOn), description: c.description, confidence: c.confidence, notes: c.notes,
    };
    const { id } = await tx.contract.upsert({ where: { ref: c.ref }, create: { ref: c.ref, ...row }, update: row, select: { id: true } });
    await tx.contractSource.createMany({
      data: c.sources.map((key) => ({ contractId: id, sourceId: need(refs.sourceIds, key) })),
      skipDuplicates: true,
    });
    for (const e of c.events) {
      const erow = {
        contractId: id, status: e.status, effectiveOn: date(e.effectiveOn)!, datePrecision: e.datePrecision,
        knownOn: refs.knownOn(e), sourceId: need(refs.sourceIds, e.source), note: e.note,
      };
      await tx.contractEvent.upsert({ where: { ref: e.ref }, create: { ref: e.ref, ...erow }, update: erow });
    }
  }
}
