// Bulk import: the dry run classifies every row, the commit writes all rows or none, and the
// same file imported twice changes nothing the second time.
import { beforeAll, describe, expect, it } from 'vitest';
import { commitImport } from '@/lib/db/admin/commit-import';
import { previewImport } from '@/lib/db/admin/preview-import';
import { AppError, isAppError } from '@/lib/errors';
import { adminFixtures } from '../support/admin-fixtures';
import { as, createTestUser, signIn } from '../support/auth';
import { setupTestDatabase } from '../support/database';

const t = setupTestDatabase({ seeded: true });
const f = adminFixtures(t);
let session: Headers;

beforeAll(async () => {
  session = await signIn(await createTestUser('editor', 'Imogen Importer'));
});

const utf8 = (text: string) => new TextEncoder().encode(text);
const preview = (kind: string, text: string | Uint8Array) => as(session, () => previewImport(kind, typeof text === 'string' ? utf8(text) : text));
const commit = (kind: string, text: string) => as(session, () => commitImport(kind, utf8(text)));

const PLANT_HEADER = 'ref,name,operator,city,region,lat,lon,status,status_since,facility_type,chemistry_family,segment,confidence,source_url,source_publisher,source_title,source_published_on';
const plantsCsv = (rows: string[]) => [PLANT_HEADER, ...rows].join('\r\n');

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error('expected the import to be refused');
}

describe('dry run', () => {
  it('lists each row as new, changed, unchanged or error, and writes nothing', async () => {
    const [fr01] = await t.query(`SELECT p.name, c.slug AS operator, p.city, r.slug AS region, p.status, p.facility_type, p.confidence,
      p.chemistry_family, p.segment, p.lat::float8 AS lat, p.lon::float8 AS lon
      FROM plant p JOIN company c ON c.id = p.operator_id JOIN region r ON r.id = p.region_id WHERE p.ref = 'FR-01'`);
    const unchanged = `FR-01,"${fr01!.name}",${fr01!.operator},${fr01!.city},${fr01!.region},${fr01!.lat},${fr01!.lon},${fr01!.status},,${fr01!.facility_type},${fr01!.chemistry_family},${fr01!.segment},${fr01!.confidence},,,,`;
    const changed = unchanged.replace(`,${fr01!.city},`, ',Gravelines,');
    const before = await f.auditCount();
    const result = await preview('plants', plantsCsv([
      `ZZ-01,New Plant,verkor,Lille,nord-pas-de-calais,50.6,3.06,announced,2026-01-01,cell_gigafactory,lfp,ev,low,https://example.org/a-story,Example,A story,2026-02-01`,
      unchanged.replace(`,${fr01!.city},`, ',Gravelines,').replace('FR-01', 'FR-01'),
    ]));
    expect(result.rows.map((r) => r.status)).toEqual(['new', 'changed']);
    expect(result.rows[1]!.changes).toEqual([{ field: 'city', before: fr01!.city, after: 'Gravelines' }]);
    const same = await preview('plants', plantsCsv([unchanged]));
    expect(same.rows.map((r) => r.status)).toEqual(['unchanged']);
    expect(changed).not.toBe(unchanged);
    expect(await f.auditCount()).toBe(before);
    expect(await t.query(`SELECT id FROM plant WHERE ref = 'ZZ-01'`)).toEqual([]);
  });

  it('reports bad numbers, unknown regions and duplicate rows with row number and column', async () => {
    const result = await preview('plants', plantsCsv([
      `ZZ-02,Bad Numbers,verkor,Lille,nord-pas-de-calais,fifty,3.06,announced,2026-01-01,cell_gigafactory,lfp,ev,low,https://example.org/a-story,Example,A story,2026-02-01`,
      `ZZ-03,Nowhere,verkor,Lille,atlantis,50.6,3.06,announced,2026-01-01,cell_gigafactory,lfp,ev,low,https://example.org/a-story,Example,A story,2026-02-01`,
      `ZZ-04,Twice,verkor,Lille,nord-pas-de-calais,50.6,3.06,announced,2026-01-01,cell_gigafactory,lfp,ev,low,https://example.org/a-story,Example,A story,2026-02-01`,
      `ZZ-04,Twice again,verkor,Lille,nord-pas-de-calais,50.6,3.06,announced,2026-01-01,cell_gigafactory,lfp,ev,low,https://example.org/a-story,Example,A story,2026-02-01`,
      `ZZ-05,Unknown Co,no-such-company,Lille,FRE1,50.6,3.06,announced,2026-01-01,cell_gigafactory,lfp,ev,low,https://example.org/a-story,Example,A story,2026-02-01`,
    ]));
    const byRow = new Map(result.rows.map((r) => [r.row, r]));
    expect(byRow.get(2)).toMatchObject({ status: 'error', errors: [{ column: 'lat', message: expect.stringMatching(/latitude/) }] });
    expect(byRow.get(3)).toMatchObject({ status: 'error', errors: [{ column: 'region', message: expect.stringMatching(/Unknown region “atlantis”/) }] });
    expect(byRow.get(4)!.status).toBe('new');
    expect(byRow.get(5)).toMatchObject({ status: 'error', errors: [{ column: 'ref', message: 'Duplicate row: ref ZZ-04 is also on row 4.' }] });
    expect(byRow.get(6)).toMatchObject({ status: 'error', errors: [{ column: 'operator', message: expect.stringMatching(/Unknown company/) }] });
    expect(result.counts).toEqual({ new: 1, changed: 0, unchanged: 0, error: 4 });
  });

  it('reports missing and unknown columns for the whole file', async () => {
    const result = await preview('announcements', 'ref,plant_ref,gwh,announced_on\nX/1,FR-01,5,2026-01-01\n');
    expect(result.rows).toEqual([]);
    expect(result.fileErrors.join(' ')).toMatch(/Missing column\(s\): target_year, gwh_per_year, confidence/);
    expect(result.fileErrors.join(' ')).toMatch(/Unknown column\(s\): gwh/);
  });

  it('refuses a file that is not UTF-8, with a clear message', async () => {
    const latin1 = Uint8Array.from([...utf8(`${PLANT_HEADER}\nZZ-09,Usine `), 0xe9, ...utf8(',verkor,Lille,FRE1,,,announced,2026-01-01,cell_gigafactory,lfp,ev,low,,E,T,\n')]);
    const result = await preview('plants', latin1);
    expect(result.fileErrors).toEqual([expect.stringMatching(/not valid UTF-8.*CSV UTF-8/)]);
    const utf16 = Uint8Array.from([0xff, 0xfe, ...utf8('r\0e\0f\0')]);
    expect((await preview('plants', utf16)).fileErrors).toEqual([expect.stringMatching(/UTF-16/)]);
    expect((await rejection(as(session, () => commitImport('plants', latin1)))).code).toBe('invalid');
  });

  it('accepts a UTF-8 file with a byte-order mark and accents', async () => {
    const text = `\uFEFF${PLANT_HEADER}\nZZ-10,Usine Éléctrique,verkor,Lille,FRE1,,,announced,2026-01-01,cell_gigafactory,lfp,ev,low,https://example.org/editions,Éditions,Titre,2026-02-01\n`;
    const result = await preview('plants', text);
    expect(result.fileErrors).toEqual([]);
    expect(result.rows).toMatchObject([{ status: 'new', ref: 'ZZ-10' }]);
  });
});

describe('commit', () => {
  it('writes nothing when one row is bad (all or nothing)', async () => {
    const before = await f.auditCount();
    const error = await rejection(commit('plants', plantsCsv([
      `ZZ-20,Good One,verkor,Lille,FRE1,50.6,3.06,announced,2026-01-01,cell_gigafactory,lfp,ev,low,https://example.org/atomic,Example,Atomic story,2026-02-01`,
      `ZZ-21,Bad One,verkor,Lille,FRE1,50.6,3.06,announced,2026-01-01,cell_gigafactory,lfp,ev,sure,https://example.org/atomic,Example,Atomic story,2026-02-01`,
    ])));
    expect(error.code).toBe('invalid');
    expect(error.message).toMatch(/Nothing was imported: 1 row/);
    expect(await t.query(`SELECT ref FROM plant WHERE ref LIKE 'ZZ-2%'`)).toEqual([]);
    expect(await t.query(`SELECT id FROM source WHERE title = 'Atomic story'`)).toEqual([]);
    expect(await f.auditCount()).toBe(before);
  });

  it('imports plants, figures and contracts; the same files again change nothing', async () => {
    const plants = plantsCsv([
      `ZZ-30,Import Gigafactory,verkor,Douai,nord-pas-de-calais,50.37,3.08,announced,2026-02-01,cell_gigafactory,lfp,ev,medium,https://example.org/zz30,Example,ZZ-30 story,2026-02-01`,
      `ZZ-31,Import Two,verkor,Arras,FRE1,,,under_construction,2026-02-01,cell_gigafactory,nmc,ev,low,https://example.org/zz30,,,`,
    ]);
    const first = await commit('plants', plants);
    expect(first.counts).toEqual({ new: 2, changed: 0, unchanged: 0, error: 0 });
    const [p] = await t.query(`SELECT p.status, r.slug AS region, c.code AS country, (SELECT count(*)::int FROM plant_status_event e WHERE e.plant_id = p.id) AS events
      FROM plant p JOIN region r ON r.id = p.region_id JOIN region c ON c.id = p.country_id WHERE p.ref = 'ZZ-30'`);
    expect(p).toEqual({ status: 'announced', region: 'nord-pas-de-calais', country: 'FR', events: 1 });
    // One new source, shared by both rows.
    expect(await t.query(`SELECT count(*)::int AS n FROM source WHERE url = 'https://example.org/zz30'`)).toEqual([{ n: 1 }]);

    const figures = 'ref,plant_ref,scope,target_year,gwh_per_year,announced_on,confidence,source_url\n'
      + 'ZZ-30/A1,ZZ-30,milestone,2028,8,2026-02-01,medium,https://example.org/zz30\n'
      + 'ZZ-30/A2,ZZ-30,milestone,2030,16.5,2026-02-01,medium,https://example.org/zz30\n';
    expect((await commit('announcements', figures)).counts.new).toBe(2);
    const contracts = 'ref,kind,supplier,buyer,plant_ref,start_year,volume_gwh,volume_basis,status,confidence,source_url\n'
      + 'ZZ-OT-1,cell_supply,verkor,renault-group,ZZ-30,2028,4,per_year,planned,low,https://example.org/zz30\n';
    expect((await commit('contracts', contracts)).counts.new).toBe(1);

    const audits = await f.auditCount();
    const again = await Promise.all([commit('plants', plants), commit('announcements', figures), commit('contracts', contracts)]
      .map((p) => p.then((r) => r.counts)));
    expect(again).toEqual([
      { new: 0, changed: 0, unchanged: 2, error: 0 },
      { new: 0, changed: 0, unchanged: 2, error: 0 },
      { new: 0, changed: 0, unchanged: 1, error: 0 },
    ]);
    expect(await f.auditCount()).toBe(audits);
    const rows = await t.query(`SELECT action, entity_type FROM audit_log WHERE after->>'ref' LIKE 'ZZ-3%' OR after->>'ref' LIKE 'ZZ-OT%' ORDER BY id`);
    expect(rows.every((r) => r.action === 'import')).toBe(true);
    expect(rows.map((r) => r.entity_type)).toEqual([
      'plant', 'plant_operator', 'plant_status_event', 'plant', 'plant_operator', 'plant_status_event',
      'capacity_announcement', 'capacity_announcement', 'contract', 'contract_event',
    ]);
  });

  it('applies a changed row as an update with its audit row, and a status change as a new dated event', async () => {
    await commit('plants', plantsCsv([`ZZ-40,Changing,verkor,Lille,FRE1,,,announced,2026-01-01,cell_gigafactory,lfp,ev,low,https://example.org/zz40,Example,ZZ-40,2026-01-05`]));
    const result = await commit('plants', plantsCsv([`ZZ-40,Changing,verkor,Lille,FRE1,,,under_construction,2026-05-01,cell_gigafactory,lfp,ev,high,https://example.org/zz40,Example,ZZ-40,2026-01-05`]));
    expect(result.rows[0]).toMatchObject({ status: 'changed' });
    expect(result.rows[0]!.changes.map((c) => c.field).sort()).toEqual(['confidence', 'status']);
    const [p] = await t.query(`SELECT status, confidence, version FROM plant WHERE ref = 'ZZ-40'`);
    expect(p).toEqual({ status: 'under_construction', confidence: 'high', version: 3 });
    expect(await t.query(`SELECT ref, status FROM plant_status_event WHERE ref LIKE 'ZZ-40/%' ORDER BY ref`))
      .toEqual([{ ref: 'ZZ-40/S1', status: 'announced' }, { ref: 'ZZ-40/S2', status: 'under_construction' }]);
  });

  it('never overwrites a capacity figure: a different value under an existing ref is an error', async () => {
    const [fig] = await t.query(`SELECT a.ref, p.ref AS plant, a.target_year, a.announced_on::text AS on FROM capacity_announcement a JOIN plant p ON p.id = a.plant_id
      WHERE a.scope = 'milestone' AND a.deleted_at IS NULL ORDER BY a.id LIMIT 1`);
    const result = await preview('announcements', `ref,plant_ref,target_year,gwh_per_year,announced_on,confidence\n${fig!.ref},${fig!.plant},${fig!.target_year},9999,${fig!.on},low\n`);
    expect(result.rows[0]).toMatchObject({ status: 'error', errors: expect.arrayContaining([expect.objectContaining({ column: 'gwh_per_year', message: expect.stringMatching(/never overwritten/) })]) });
  });

  it('commits a 2,000-row file in one transaction: one audit row per entity, one source per address, and a re-import writes nothing', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => {
      const n = String(i + 1).padStart(4, '0');
      // Every second row cites the previous row's new source by address alone.
      const source = i % 2 === 0 ? `https://example.org/big/${n},Example,Big import ${n},2026-01-15` : `https://example.org/big/${String(i).padStart(4, '0')},,,`;
      return `ZB-${n},Big Import ${n},verkor,Lille,FRE1,50.6,3.06,announced,2026-01-01,cell_gigafactory,lfp,ev,low,${source}`;
    });
    const csv = plantsCsv(rows);
    const before = await f.auditCount();
    const first = await commit('plants', csv);
    expect(first.counts).toEqual({ new: 2000, changed: 0, unchanged: 0, error: 0 });
    const [counts] = await t.query(`SELECT
      (SELECT count(*)::int FROM plant WHERE ref LIKE 'ZB-%') AS plants,
      (SELECT count(*)::int FROM plant_status_event WHERE ref LIKE 'ZB-%/S1') AS events,
      (SELECT count(*)::int FROM plant p WHERE ref LIKE 'ZB-%' AND status = (SELECT e.status FROM plant_status_event e WHERE e.plant_id = p.id)) AS in_sync,
      (SELECT count(*)::int FROM source WHERE url LIKE 'https://example.org/big/%') AS sources,
      (SELECT count(*)::int FROM plant_source ps JOIN plant p ON p.id = ps.plant_id WHERE p.ref LIKE 'ZB-%') AS links,
      (SELECT count(DISTINCT xmin::text)::int FROM plant WHERE ref LIKE 'ZB-%') AS transactions`);
    expect(counts).toEqual({ plants: 2000, events: 2000, in_sync: 2000, sources: 1000, links: 2000, transactions: 1 });
    // One audit row per created entity, each with its id and the record as written.
    expect(await f.auditCount()).toBe(before + 2000 + 2000 + 2000 + 1000);
    const audited = await t.query(`SELECT a.entity_type, count(*)::int AS n, count(DISTINCT a.entity_id)::int AS ids,
      bool_and(a.action = 'import' AND a.before IS NULL AND a.actor_label LIKE 'Imogen Importer%') AS shape
      FROM audit_log a WHERE (a.entity_type IN ('plant', 'plant_operator', 'plant_status_event') AND a.after->>'ref' LIKE 'ZB-%')
        OR (a.entity_type = 'source' AND a.after->>'url' LIKE 'https://example.org/big/%') GROUP BY a.entity_type ORDER BY a.entity_type`);
    expect(audited).toEqual([
      { entity_type: 'plant', n: 2000, ids: 2000, shape: true },
      { entity_type: 'plant_operator', n: 2000, ids: 2000, shape: true },
      { entity_type: 'plant_status_event', n: 2000, ids: 2000, shape: true },
      { entity_type: 'source', n: 1000, ids: 1000, shape: true },
    ]);
    const [plantAudit] = await t.query(`SELECT a.after, p.id FROM audit_log a JOIN plant p ON p.id::text = a.entity_id WHERE a.entity_type = 'plant' AND p.ref = 'ZB-0002'`);
    expect(plantAudit!.after).toMatchObject({ id: plantAudit!.id, ref: 'ZB-0002', lat: 50.6, lon: 3.06, status: 'announced', deletedAt: null, sourceId: expect.any(Number) });

    const audits = await f.auditCount();
    expect((await commit('plants', csv)).counts).toEqual({ new: 0, changed: 0, unchanged: 2000, error: 0 });
    expect(await f.auditCount()).toBe(audits);
  });

  it('applies many changed rows in batches: versions, status events, plant status and audit rows as row by row', async () => {
    const rows = (status: string, since: string, city: string) => Array.from({ length: 1200 }, (_, i) => {
      const n = String(i + 1).padStart(4, '0');
      return `ZC-${n},Batch Change ${n},verkor,${i % 2 ? city : 'Lille'},FRE1,,,${i % 3 ? 'announced' : status},${since},cell_gigafactory,lfp,ev,low,https://example.org/zc,Example,ZC batch,2026-01-05`;
    });
    await commit('plants', plantsCsv(rows('announced', '2026-01-01', 'Lille')));
    const audits = await f.auditCount();
    const result = await commit('plants', plantsCsv(rows('under_construction', '2026-06-01', 'Douai')));
    // Rows 1, 4, 7 … change status; even rows (i odd) change city; 1/6 of rows change both, 1/3 neither.
    expect(result.counts).toEqual({ new: 0, changed: 800, unchanged: 400, error: 0 });
    const [row] = await t.query(`SELECT
      (SELECT count(*)::int FROM plant WHERE ref LIKE 'ZC-%' AND version = 3 AND status = 'under_construction') AS moved,
      (SELECT count(*)::int FROM plant WHERE ref LIKE 'ZC-%' AND version = 2 AND status = 'announced' AND city = 'Douai') AS edited,
      (SELECT count(*)::int FROM plant WHERE ref LIKE 'ZC-%' AND version = 1) AS untouched,
      (SELECT count(*)::int FROM plant_status_event WHERE ref LIKE 'ZC-%/S2' AND status = 'under_construction') AS events`);
    expect(row).toEqual({ moved: 400, edited: 400, untouched: 400, events: 400 });
    // An import row per changed plant, plus per status change its event and the status update.
    expect(await f.auditCount()).toBe(audits + 800 + 400 + 400);
    const [one] = await t.query(`SELECT p.id FROM plant p WHERE p.ref = 'ZC-0001'`);
    const trail = await t.query(`SELECT action, entity_type, before->>'status' AS before, after->>'status' AS after, after->>'ref' AS ref
      FROM audit_log WHERE id > (SELECT max(id) FROM audit_log) - 1600 AND ((entity_type = 'plant' AND entity_id = $1) OR after->>'ref' = 'ZC-0001/S2') ORDER BY id`, [String(one!.id)]);
    expect(trail).toEqual([
      { action: 'import', entity_type: 'plant', before: 'announced', after: 'announced', ref: 'ZC-0001' },
      { action: 'import', entity_type: 'plant_status_event', before: null, after: 'under_construction', ref: 'ZC-0001/S2' },
      { action: 'update', entity_type: 'plant', before: 'announced', after: 'under_construction', ref: 'ZC-0001' },
    ]);
  });
});
