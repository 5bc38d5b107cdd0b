'use client';

import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { z } from 'zod';
import type { CompanyListSchema } from '@/lib/validation/api/directory';
import styles from './explorer.module.css';

interface Company { slug: string; name: string }

/** The API's largest page (MAX_PAGE_SIZE in lib/validation/api/common.ts, not imported: it would bring zod into the bundle). */
const PAGE_LIMIT = 500;
const MAX_PAGES = 200;
const MAX_SUGGESTIONS = 12;

/**
 * Every company the explorer can filter by, from the public API a page at a time. Only companies
 * that operate a plant or hold a stake in one: the explorer drops any other slug with a notice.
 */
async function loadCompanies(signal: AbortSignal): Promise<Company[]> {
  const companies: Company[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const query = new URLSearchParams({ limit: String(PAGE_LIMIT), ...(cursor ? { cursor } : {}) });
    const response = await fetch(`/api/v1/companies?${query}`, { headers: { accept: 'application/json' }, signal });
    if (!response.ok) throw new Error(`GET /api/v1/companies: HTTP ${response.status}`);
    const body = (await response.json()) as z.infer<typeof CompanyListSchema>;
    for (const c of body.data) if (c.operatedPlants + c.stakes > 0) companies.push({ slug: c.slug, name: c.name });
    cursor = body.meta.nextCursor;
    if (!cursor) break;
  }
  return companies;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Names starting with the text first, then names with a word starting with it, then any containing it. */
function suggest(companies: readonly Company[], text: string): Company[] {
  const needle = fold(text.trim());
  if (!needle) return companies.slice(0, MAX_SUGGESTIONS);
  const ranked: [number, Company][] = [];
  for (const c of companies) {
    const name = fold(c.name);
    const at = name.indexOf(needle);
    if (at >= 0) ranked.push([at === 0 ? 0 : /[^\p{L}\p{N}]/u.test(name[at - 1]!) ? 1 : 2, c]);
  }
  return ranked.sort((a, b) => a[0] - b[0]).slice(0, MAX_SUGGESTIONS).map(([, c]) => c);
}

const subscribeNothing = () => () => {};

/**
 * Adds companies to the explorer's company filter: a combobox (WAI-ARIA APG, list autocomplete)
 * whose suggestions are fetched on first focus, so the page itself carries only the selected
 * companies. A chosen company becomes a ticked `company` checkbox; the text field has no name.
 */
export function CompanyPicker({ hintId }: { hintId: string }) {
  const id = useId();
  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-option-${i}`;
  const input = useRef<HTMLInputElement>(null);
  const aborter = useRef<AbortController | null>(null);
  // Disabled until hydrated: without JavaScript, text typed here would be silently lost.
  const hydrated = useSyncExternalStore(subscribeNothing, () => true, () => false);
  const [companies, setCompanies] = useState<Company[] | null>(null);
  const [state, setState] = useState<'idle' | 'loading' | 'ready' | 'failed'>('idle');
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [added, setAdded] = useState<Company[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const suggestions = useMemo(() => (companies ? suggest(companies, text) : []), [companies, text]);
  const expanded = open && suggestions.length > 0;

  useEffect(() => () => aborter.current?.abort(), []);
  useEffect(() => {
    if (expanded && active >= 0) document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
  });

  const load = () => {
    if (state !== 'idle' && state !== 'failed') return;
    setState('loading');
    aborter.current = new AbortController();
    loadCompanies(aborter.current.signal).then(
      (list) => { setCompanies(list); setState('ready'); },
      (error: unknown) => { if ((error as Error).name !== 'AbortError') setState('failed'); },
    );
  };

  const choose = (company: Company) => {
    const boxes = input.current?.form?.querySelectorAll<HTMLInputElement>('input[type="checkbox"][name="company"]') ?? [];
    const existing = [...boxes].find((box) => box.value === company.slug);
    if (existing) existing.checked = true;
    else setAdded((list) => [...list, company]);
    setText('');
    setOpen(false);
    setActive(-1);
    setAnnouncement(`Added ${company.name}. Apply filters to show its plants.`);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const n = suggestions.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (n === 0) return;
      const down = event.key === 'ArrowDown';
      setActive(!expanded || active < 0 ? (down ? 0 : n - 1) : (active + (down ? 1 : n - 1)) % n);
      setOpen(true);
    } else if (event.key === 'Enter' && expanded && suggestions[active]) {
      event.preventDefault(); // choose, do not submit the form
      choose(suggestions[active]);
    } else if (event.key === 'Escape' && (expanded || text)) {
      event.preventDefault();
      if (!expanded) setText('');
      setOpen(false);
    }
  };

  const status = state === 'failed' ? 'Company names could not be loaded. Search by company name in “Search plant, city or company” instead.'
    : state === 'loading' && text.trim() ? 'Loading company names…'
      : state === 'ready' && text.trim() && suggestions.length === 0 ? `No company name contains “${text.trim()}”.`
        : announcement;

  return (
    <>
      {added.map((c) => (
        <label key={c.slug}><input type="checkbox" name="company" value={c.slug} defaultChecked /> {c.name}</label>
      ))}
      <div className={styles.picker}>
        <label htmlFor={`${id}-input`}>Add a company</label>
        <input
          ref={input} id={`${id}-input`} type="text" role="combobox" autoComplete="off" spellCheck={false} maxLength={100}
          disabled={!hydrated} value={text}
          aria-autocomplete="list" aria-expanded={expanded} aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          aria-describedby={`${hintId} ${id}-status`}
          onFocus={load}
          onChange={(e) => {
            const typed = e.target.value.trim() !== '';
            setText(e.target.value); setOpen(typed); setActive(typed ? 0 : -1); setAnnouncement('');
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
        />
        <ul id={listId} role="listbox" aria-label="Company suggestions" className={styles.suggestions} hidden={!expanded}>
          {expanded && suggestions.map((c, i) => (
            <li
              key={c.slug} id={optionId(i)} role="option" aria-selected={i === active}
              // Keep the focus in the text field, so the list stays a popup of it.
              onMouseDown={(e) => e.preventDefault()} onClick={() => choose(c)} onMouseMove={() => setActive(i)}
            >
              {c.name}
            </li>
          ))}
        </ul>
      </div>
      <p id={`${id}-status`} role="status" className={styles.hint}>{status}</p>
    </>
  );
}
