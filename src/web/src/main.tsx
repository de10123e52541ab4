import { render } from 'preact';
import { useEffect } from 'preact/hooks';
import { DocumentView } from './document';
import { navigate, useLocation } from './router';
import { SearchView } from './search';
import { StoriesView } from './stories';
import { DiagnosticsView, StoryView } from './story';
import './style.css';

function View() {
  const { path, query } = useLocation();
  let m: RegExpMatchArray | null;
  if (path === '/') return <StoriesView query={query} key={query.get('q') ?? ''} />;
  if ((m = path.match(/^\/stories\/([a-z0-9-]+)$/))) return <StoryView id={m[1]} key={m[1]} />;
  if ((m = path.match(/^\/stories\/([a-z0-9-]+)\/diagnostics$/))) return <DiagnosticsView id={m[1]} />;
  if ((m = path.match(/^\/documents\/([\w-]+)$/))) return <DocumentView id={m[1]} query={query} key={m[1]} />;
  if (path === '/search') return <SearchView query={query} key={query.get('q') ?? ''} />;
  return <p class="error">No page here. <a href="/">Stories</a></p>;
}

function App() {
  // "/" jumps to search from anywhere except a text field.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement;
      if (e.key !== '/' || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName) || t.isContentEditable) return;
      e.preventDefault();
      const input = document.getElementById('search-input');
      if (input) input.focus();
      else navigate('/search');
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <a href="/" class="brand">
          Triangulate
        </a>
        <nav>
          <a href="/">Stories</a>
          <a href="/search">Search</a>
          <a href="/openapi.json">API</a>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <View />
      </main>
    </>
  );
}

render(<App />, document.getElementById('app')!);
