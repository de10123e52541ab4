import type { DiagnosticsPage, StoryPage } from './api';
import { ClaimsMatrix, Figures, Generic, Provenance, SourceProfiles, Timeline, type Duplicate } from './sections';
import { JsonLink, Loaded, range, useApi, useTitle, when } from './util';
import { useEffect } from 'preact/hooks';
import { ClaimGroupsView, ClaimsMatrixView, EventTimeline, GenreProfiles, isClaimGroups, isFigures, isProvenance, isTimeline, ProvenanceGraph } from './analysis';

/** Sections with a view of their own; every other corpus section is shown generically. */
const KNOWN = new Set(['reuse', 'duplicates', 'figures', 'claimGroups']);

/** Scrolls to the element named by the URL's #hash once the view has rendered (deep links). */
export function useHashScroll(ready: boolean): void {
  useEffect(() => {
    if (!ready) return;
    const go = () => {
      if (!location.hash) return;
      const el = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      if (!el) return;
      el.scrollIntoView({ block: 'start' });
      el.focus({ preventScroll: true });
    };
    go();
    // In-page links (#group-…) navigate without a reload; follow them too.
    addEventListener('popstate', go);
    return () => removeEventListener('popstate', go);
  }, [ready]);
}

/** A story: figures and claims when present, documents, timeline, provenance, sources, other sections. */
export function StoryView(props: { id: string }) {
  const state = useApi<StoryPage>(`/api/stories/${props.id}`);
  useTitle(state.data?.story.name ?? props.id);
  useHashScroll(!!state.data);
  return (
    <Loaded state={state}>
      {(p) => {
        const reuse = Array.isArray(p.corpus.reuse) ? (p.corpus.reuse as Parameters<typeof Provenance>[0]['reuse']) : [];
        const duplicates = Array.isArray(p.corpus.duplicates) ? (p.corpus.duplicates as Duplicate[]) : [];
        const problems = p.failures.length + p.diagnostics.length + p.documents.reduce((n, d) => n + d.diagnostics, 0);
        return (
          <article class="story">
            <h1>
              {p.story.name} <JsonLink href={`/api/stories/${p.story.id}`} />
            </h1>
            <p class="facts">
              {p.story.documents} documents · {p.story.outlets.length} outlets · {range(p.story.dateRange)}
              {p.story.disputedFigures !== undefined ? ` · ${p.story.disputedFigures} disputed figures` : ''} ·{' '}
              <a href={`/stories/${p.story.id}/diagnostics`}>{problems} diagnostics</a> · <a href={`/api/stories/${p.story.id}/report`}>report.json</a>
            </p>
            {isClaimGroups(p.corpus.claimGroups) && p.corpus.claimGroups.length ? (
              <>
                <section aria-labelledby="h-figures">
                  <h2 id="h-figures">Figures by claim group</h2>
                  <ClaimGroupsView groups={p.corpus.claimGroups} figures={isFigures(p.corpus.figures) ? p.corpus.figures : []} docs={p.documents} />
                </section>
                <section aria-labelledby="h-claims">
                  <h2 id="h-claims">Claims matrix</h2>
                  <ClaimsMatrixView groups={p.corpus.claimGroups} docs={p.documents} />
                </section>
              </>
            ) : (
              <>
              {Array.isArray(p.corpus.figures) && p.corpus.figures.length ? (
                <section aria-labelledby="h-figures">
                  <h2 id="h-figures">Disputed figures</h2>
                  <Figures items={p.corpus.figures} />
                </section>
              ) : null}
              {Array.isArray(p.corpus.claimGroups) && p.corpus.claimGroups.length ? (
                <section aria-labelledby="h-claims">
                  <h2 id="h-claims">Claims</h2>
                  <ClaimsMatrix groups={p.corpus.claimGroups} docs={p.documents} />
                </section>
              ) : null}
              </>
            )}
            <section aria-labelledby="h-docs">
              <h2 id="h-docs">Documents</h2>
              <table class="documents">
                <thead>
                  <tr>
                    <th scope="col">Title</th>
                    <th scope="col">Outlet</th>
                    <th scope="col">Published</th>
                    <th scope="col">Layers</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {p.documents.map((d) => (
                    <tr key={d.id}>
                      <td>
                        <a href={`/documents/${d.id}`}>{d.title ?? d.excerpt}</a>
                      </td>
                      <td>{d.site ?? '—'}</td>
                      <td>{when(d.published)}</td>
                      <td class="layers">{Object.entries(d.layers).map(([k, v]) => `${k} ${v}`).join(' · ')}</td>
                      <td class={d.status === 'ok' ? '' : 'warn'}>
                        {d.status}
                        {d.diagnostics ? ` (${d.diagnostics})` : ''}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <section aria-labelledby="h-provenance">
              <h2 id="h-provenance">Shared text (provenance)</h2>
              {isProvenance(p.corpus.provenance) ? <ProvenanceGraph provenance={p.corpus.provenance} docs={p.documents} /> : null}
              <Provenance reuse={reuse} duplicates={duplicates} docs={p.documents} />
            </section>
            <section aria-labelledby="h-timeline">
              <h2 id="h-timeline">Timeline</h2>
              {isTimeline(p.corpus.timeline) ? <EventTimeline events={p.corpus.timeline} docs={p.documents} /> : null}
              <h3>Publication order</h3>
              <Timeline docs={p.documents} />
            </section>
            <section aria-labelledby="h-sources">
              <h2 id="h-sources">Sources</h2>
              <GenreProfiles docs={p.documents} />
              <SourceProfiles docs={p.documents} reuse={[...reuse, ...duplicates]} />
            </section>
            {Object.entries(p.corpus)
              .filter(([k, v]) => !KNOWN.has(k) && !(k === 'timeline' && isTimeline(v)) && !(k === 'provenance' && isProvenance(v)))
              .map(([k, v]) => (
                <section key={k}>
                  <h2>{k}</h2>
                  <Generic value={v} />
                </section>
              ))}
            <p class="muted small">Stages: {p.stages.join(', ')}</p>
            {p.stale ? (
              <p class="warn small" role="note">
                Analyzed with other stages than this server runs ({p.currentStages?.join(', ')}): <code>POST /api/stories/{p.story.id}/analyze</code> analyzes it again.
              </p>
            ) : null}
          </article>
        );
      }}
    </Loaded>
  );
}

/** Every problem found in a story: unreadable inputs, corpus diagnostics, document diagnostics. */
export function DiagnosticsView(props: { id: string }) {
  useTitle(`Diagnostics: ${props.id}`);
  const state = useApi<DiagnosticsPage>(`/api/stories/${props.id}/diagnostics`);
  return (
    <section>
      <h1>
        Diagnostics <JsonLink href={`/api/stories/${props.id}/diagnostics`} />
      </h1>
      <p>
        <a href={`/stories/${props.id}`}>← back to the story</a>
      </p>
      <Loaded state={state}>
        {(d) => (
          <>
            <h2>Inputs that could not be read</h2>
            <Generic value={d.failures} />
            <h2>Across documents</h2>
            <Generic value={d.corpus} />
            <h2>In documents</h2>
            {d.documents.length ? (
              d.documents.map((x) => (
                <div key={x.id}>
                  <h3>
                    <a href={`/documents/${x.id}`}>{x.title ?? x.source}</a> <span class="muted">({x.status})</span>
                  </h3>
                  <Generic value={x.diagnostics} />
                </div>
              ))
            ) : (
              <p class="muted">none</p>
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}
