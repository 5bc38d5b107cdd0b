import type { SourceRef } from '@/lib/db/regions';

/** A citation: publisher, title and date, linked when the address is known. */
export function SourceLink({ source }: { source: SourceRef }) {
  const text = `${source.publisher}${source.publishedOn ? `, ${source.publishedOn}` : ''}`;
  if (!source.url) return <cite title={source.title}>{text} (no address recorded)</cite>;
  return (
    <a href={source.url} rel="noopener noreferrer" title={source.title}>
      <cite>{text}</cite>
    </a>
  );
}
