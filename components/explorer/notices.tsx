/** Parameters that were not understood, shown instead of failing (the defaults were used). */
export function Notices({ notices }: { notices: string[] }) {
  if (notices.length === 0) return null;
  return (
    <div className="notice" role="status" style={{ margin: '0 0 16px' }}>
      Some link parameters were not understood and their defaults are shown instead:
      <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>{notices.map((n) => <li key={n}>{n}</li>)}</ul>
    </div>
  );
}
