// History routing: every view has its own URL (deep links), and internal links do not reload.
import { useEffect, useState } from 'preact/hooks';

/** The current location as the views need it. */
export interface Loc {
  path: string;
  query: URLSearchParams;
}

const current = (): Loc => ({ path: location.pathname, query: new URLSearchParams(location.search) });

/** Goes to an internal URL without reloading. */
export function navigate(to: string, replace = false): void {
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  dispatchEvent(new PopStateEvent('popstate'));
}

/** The location, updated on back/forward and on internal link clicks. */
export function useLocation(): Loc {
  const [loc, setLoc] = useState(current);
  useEffect(() => {
    const onPop = () => setLoc(current());
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const a = (e.target as Element | null)?.closest?.('a');
      // SVG links (charts, graphs) carry href/target as attributes, not strings.
      if (!a || a.getAttribute('target') || a.hasAttribute('download') || !a.getAttribute('href')) return;
      const url = new URL(a.getAttribute('href')!, location.href);
      if (url.origin !== location.origin || url.pathname.startsWith('/api/') || url.pathname === '/openapi.json') return;
      e.preventDefault();
      navigate(url.pathname + url.search + url.hash);
    };
    addEventListener('popstate', onPop);
    document.addEventListener('click', onClick);
    return () => {
      removeEventListener('popstate', onPop);
      document.removeEventListener('click', onClick);
    };
  }, []);
  return loc;
}
