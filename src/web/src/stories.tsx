import { useState } from 'preact/hooks';
import type { Page, StorySummary } from './api';
import { navigate } from './router';
import { JsonLink, Loaded, range, useApi, useTitle } from './util';

/** The list of stories (filtered by `?q=`): size, outlets, date range, disputed figures when known. */
export function StoriesView(props: { query: URLSearchParams }) {
  const q = props.query.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  useTitle('Stories');
  const api = `/api/stories?limit=500${q ? `&q=${encodeURIComponent(q)}` : ''}`;
  const state = useApi<Page<StorySummary>>(api);
  return (
    <section>
      <h1>
        Stories <JsonLink href={api} />
      </h1>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(draft.trim() ? `/?q=${encodeURIComponent(draft.trim())}` : '/');
        }}
      >
        <input type="search" value={draft} onInput={(e) => setDraft((e.target as HTMLInputElement).value)} aria-label="Filter stories by name or text" placeholder="filter stories by name or words in their articles" />
        <button type="submit">Filter</button>
      </form>
      <Loaded state={state}>
        {(page) =>
          page.items.length ? (
            <table class="stories">
              <thead>
                <tr>
                  <th scope="col">Story</th>
                  <th scope="col" class="num">Documents</th>
                  <th scope="col">Outlets</th>
                  <th scope="col">Dates</th>
                  <th scope="col" class="num">Disputed figures</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <a href={`/stories/${s.id}`}>{s.name}</a>
                    </td>
                    <td class="num">
                      {s.documents}
                      {s.failedDocuments + s.failedInputs ? <span class="warn"> ({s.failedDocuments + s.failedInputs} failed)</span> : null}
                    </td>
                    <td>{s.outlets.length ? `${s.outlets.length}: ${s.outlets.slice(0, 4).join(', ')}${s.outlets.length > 4 ? ', …' : ''}` : '—'}</td>
                    <td>{range(s.dateRange)}</td>
                    <td class="num">{s.disputedFigures ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : q ? (
            <p>No story matches “{q}”.</p>
          ) : (
            <p>
              No stories yet. Add one with <code>POST /api/stories</code> (see <a href="/openapi.json">the API</a>) or start the server with <code>--demo</code>.
            </p>
          )
        }
      </Loaded>
    </section>
  );
}
