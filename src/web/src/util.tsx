import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { get } from './api';

/** Loads one API path; re-fetches when the path changes. */
export function useApi<T>(path: string | undefined): { data?: T; error?: Error; loading: boolean } {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: true });
  useEffect(() => {
    if (!path) return;
    let live = true;
    setState({ loading: true });
    get<T>(path).then(
      (data) => live && setState({ data, loading: false }),
      (error: Error) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [path]);
  return state;
}

/** Loading and error states for a view, then its content. */
export function Loaded<T>(props: { state: { data?: T; error?: Error; loading: boolean }; children: (data: T) => ComponentChildren }) {
  if (props.state.error) return <p class="error" role="alert">{props.state.error.message}</p>;
  if (props.state.loading || !props.state.data) return <p class="muted" aria-busy="true">Loading…</p>;
  return <>{props.children(props.state.data)}</>;
}

/** An ISO date or date-time as a reader writes it: `2031-05-02`, `2031-05-02 07:40 UTC`. */
export function when(iso: string | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(iso);
  if (!m) return iso;
  return `${m[1]} ${m[2]}${m[3] === 'Z' ? ' UTC' : m[3] ? ` ${m[3]}` : ''}`;
}

/** A date range as text. */
export function range(r: { from?: string; to?: string }): string {
  if (!r.from) return '—';
  return r.from === r.to ? when(r.from) : `${when(r.from)} – ${when(r.to)}`;
}

/** Sets the page title for a view. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Triangulate` : 'Triangulate';
  }, [title]);
}

/** A link to the JSON twin of the current view. */
export function JsonLink(props: { href: string }) {
  return (
    <a class="json-link" href={props.href} target="_blank" rel="noopener">
      JSON
    </a>
  );
}

/** A snippet whose matches are delimited by \u0002 … \u0003, rendered as text and <mark>. */
export function Snippet(props: { text: string }) {
  const parts = props.text.split(/(\u0002[^\u0003]*\u0003)/);
  return <>{parts.map((p, i) => (p.startsWith('\u0002') ? <mark key={i}>{p.slice(1, -1)}</mark> : p))}</>;
}
