import { useState } from 'preact/hooks';
import type { Page, SearchHit } from './api';
import { navigate } from './router';
import { JsonLink, Loaded, Snippet, useApi, useTitle } from './util';

/** Full-text search over documents; the query lives in the URL (/search?q=...). */
export function SearchView(props: { query: URLSearchParams }) {
  const q = props.query.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  useTitle(q ? `Search: ${q}` : 'Search');
  const api = q ? `/api/search?q=${encodeURIComponent(q)}&limit=50` : undefined;
  const state = useApi<Page<SearchHit>>(api);
  return (
    <section>
      <h1>Search {api ? <JsonLink href={api} /> : null}</h1>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(`/search?q=${encodeURIComponent(draft)}`);
        }}
      >
        <input id="search-input" type="search" value={draft} onInput={(e) => setDraft((e.target as HTMLInputElement).value)} aria-label="Search documents" placeholder="words in the articles" />
        <button type="submit">Search</button>
      </form>
      {api ? (
        <Loaded state={state}>
          {(page) => (
            <>
              <p class="muted">{page.total} documents</p>
              <ol class="hits">
                {page.items.map((h) => (
                  <li key={h.id}>
                    <a href={`/documents/${h.id}`}>{h.title ?? h.excerpt ?? h.id}</a>
                    <span class="muted">
                      {' '}
                      {[h.site, h.published].filter(Boolean).join(' · ')}
                    </span>
                    <p>
                      <Snippet text={h.snippet} />
                    </p>
                    {h.stories.map((s) => (
                      <a key={s.id} class="story-tag" href={`/stories/${s.id}`}>
                        {s.name}
                      </a>
                    ))}
                  </li>
                ))}
              </ol>
            </>
          )}
        </Loaded>
      ) : null}
    </section>
  );
}
