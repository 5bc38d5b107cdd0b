import type { SourceRef } from '@/lib/db/regions';

/** A citation: publisher, title and date, linked when the address is known. */
export function SourceLink({ source }: { source: SourceRef }) {
  // A weak source (aggregator, listing) is marked: it is never a figure's only basis.
  const text = `${source.publisher}${source.publishedOn ? `, ${source.publishedOn}` : ''}${source.tier === 'weak' ? ' (weak source)' : ''}`;
  if (!source.url) return <cite title={source.title}>{text} (no address recorded)</cite>;
  return (
    <a href={source.url} rel="noopener noreferrer" title={source.title}>
      <cite>{text}</cite>
    </a>
  );
}
