import styles from './explorer.module.css';

/** Page links around the current one, first and last always shown. Plain links: works without JavaScript. */
export function Pagination({ page, pageCount, href, label }: {
  page: number; pageCount: number; href: (page: number) => string; label: string;
}) {
  if (pageCount <= 1 && page <= 1) return null;
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pageCount])]
    .filter((p) => p >= 1 && p <= pageCount).sort((a, b) => a - b);
  return (
    <nav className={styles.pager} aria-label={label}>
      {page > 1 && <a href={href(Math.min(page - 1, pageCount))} rel="prev">Previous<span className="visually-hidden"> page</span></a>}
      <ol>
        {shown.map((p, i) => (
          <li key={p}>
            {i > 0 && shown[i - 1]! < p - 1 ? <span aria-hidden="true">… </span> : null}
            {p === page
              ? <span aria-current="page"><span className="visually-hidden">Page </span>{p}</span>
              : <a href={href(p)}><span className="visually-hidden">Page </span>{p}</a>}
          </li>
        ))}
      </ol>
      {page < pageCount && <a href={href(page + 1)} rel="next">Next<span className="visually-hidden"> page</span></a>}
    </nav>
  );
}
