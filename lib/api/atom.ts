// An Atom 1.0 feed (RFC 4287) of changes: each entry links the plant's page and the source.
import type { ChangeRow } from '../db/list-changes';
import { STATUS_LABELS } from '../domain/plant-status';
import { CHANGE_KIND_LABELS } from '../validation/api/changes';

// Characters XML 1.0 forbids outright (C0 controls but tab/newline/return, lone surrogates, U+FFFE/U+FFFF).
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text safe inside an XML element or a double-quoted attribute. */
export function xmlEscape(text: string): string {
  return text.replace(NOT_XML, '\ufffd')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const statusLabel = (s: string | null) => (s ? (STATUS_LABELS as Record<string, string>)[s] ?? s : '');
const gwh = (v: number | null) => `${v === null ? '?' : Number(v.toFixed(3))} GWh/yr`;

/** One line saying what changed, e.g. "Northvolt Drei: 2030 capacity 60 → 16 GWh/yr". */
export function changeTitle(c: ChangeRow): string {
  const plant = c.plant?.name ?? '';
  switch (c.kind) {
    case 'new_plant':
      return `New plant: ${plant} (${statusLabel(c.status).toLowerCase()})`;
    case 'status':
      return `${plant}: ${statusLabel(c.previousStatus).toLowerCase()} → ${statusLabel(c.status).toLowerCase()}`;
    case 'capacity': {
      const what = c.scope === 'long_term' ? 'long-term capacity' : `${c.targetYear} capacity`;
      return c.previousGwh === null
        ? `${plant}: ${what} ${gwh(c.gwh)}`
        : `${plant}: ${what} ${Number(c.previousGwh.toFixed(3))} → ${gwh(c.gwh)}`;
    }
    case 'ownership':
      return `${plant}: operator ${c.previousOperator?.name ?? '?'} → ${c.operator?.name ?? '?'}`;
    case 'contract': {
      const k = c.contract!;
      const volume = k.volumeGwh === null ? '' : `, ${Number(k.volumeGwh.toFixed(3))} GWh${k.volumeBasis === 'per_year' ? '/yr' : ' in total'}`;
      return `Contract ${k.supplier.name} → ${k.buyer.name}${volume}: ${k.status}`;
    }
  }
}

export interface FeedOptions {
  /** Absolute URL of this feed (rel="self"), also its id. */
  selfUrl: string;
  /** The site's origin, for entry links. */
  origin: string;
  /** What the filters select, e.g. "Hauts-de-France" (added to the title). */
  scope: string | null;
}

export function atomFeed(changes: readonly ChangeRow[], opts: FeedOptions): string {
  const latest = changes.reduce((max, c) => (c.recordedAt > max ? c.recordedAt : max), '1970-01-01T00:00:00.000Z');
  const title = `Voltrack: changes${opts.scope ? ` — ${opts.scope}` : ''}`;
  const entries = changes.map((c) => {
    const plantUrl = c.plant ? `${opts.origin}/plants/${encodeURIComponent(c.plant.slug)}` : null;
    const contractUrl = c.contract ? `${opts.origin}/offtakes?supplier=${encodeURIComponent(c.contract.supplier.slug)}` : null;
    const source = c.source;
    const summary = [
      `${CHANGE_KIND_LABELS[c.kind]}, dated ${c.date}, public from ${c.knownOn}.`,
      c.plant ? `Plant: ${c.plant.name} (${c.plant.regionName}${c.plant.countryCode ? `, ${c.plant.countryCode}` : ''}).` : '',
      source ? `Source: ${source.publisher}, “${source.title}”${source.publishedOn ? ` (${source.publishedOn})` : ''}${source.url ? ` ${source.url}` : ''}.` : 'No source recorded.',
    ].filter(Boolean).join(' ');
    return [
      '  <entry>',
      `    <id>${xmlEscape(`${opts.origin}/changes/${c.id}`)}</id>`,
      `    <title>${xmlEscape(changeTitle(c))}</title>`,
      `    <published>${c.knownOn}T00:00:00Z</published>`,
      `    <updated>${xmlEscape(c.recordedAt)}</updated>`,
      `    <category term="${c.kind}" label="${xmlEscape(CHANGE_KIND_LABELS[c.kind])}"/>`,
      plantUrl || contractUrl ? `    <link rel="alternate" type="text/html" href="${xmlEscape((plantUrl ?? contractUrl)!)}"/>` : '',
      source?.url ? `    <link rel="related" href="${xmlEscape(source.url)}" title="${xmlEscape(`Source: ${source.publisher}`)}"/>` : '',
      `    <summary type="text">${xmlEscape(summary)}</summary>`,
      '  </entry>',
    ].filter(Boolean).join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xmlEscape(opts.selfUrl)}</id>`,
    `  <title>${xmlEscape(title)}</title>`,
    '  <subtitle>New plants, status changes, capacity announcements and contracts in Europe’s battery-cell industry, each with its source.</subtitle>',
    `  <updated>${xmlEscape(latest)}</updated>`,
    '  <author><name>Voltrack</name></author>',
    `  <link rel="self" type="application/atom+xml" href="${xmlEscape(opts.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlEscape(`${opts.origin}/`)}"/>`,
    `  <rights>CC BY 4.0</rights>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
