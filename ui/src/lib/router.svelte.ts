// Client-side routing by the URL hash: `#/organisations` shows the organisations screen.
//
// Only hashes that start with `#/` are routes; anything else is left alone. An unknown
// route shows the overview, so a stale link never leaves the window blank.

export const ROUTES = [
  "overview",
  "organisations",
  "people",
  "groups",
  "coverage",
  "settings",
] as const;
export type Route = (typeof ROUTES)[number];
export const DEFAULT_ROUTE: Route = "overview";

export function isRoute(value: string): value is Route {
  return (ROUTES as readonly string[]).includes(value);
}

/** The route a hash names, or null when the hash is not a route at all. */
export function parseHash(hash: string): Route | null {
  if (hash === "" || hash === "#" || hash === "#/") return DEFAULT_ROUTE;
  if (!hash.startsWith("#/")) return null;
  const id = hash.slice(2).split(/[/?]/)[0];
  return isRoute(id) ? id : DEFAULT_ROUTE;
}

export function href(route: Route): string {
  return `#/${route}`;
}

export const router = $state<{ current: Route }>({ current: DEFAULT_ROUTE });

export function navigate(route: Route): void {
  if (location.hash !== href(route)) location.hash = href(route);
  router.current = route;
}

/** Follows the hash from now on; returns the function that stops following it. */
export function startRouter(): () => void {
  const sync = () => {
    const route = parseHash(location.hash);
    if (route) router.current = route;
  };
  sync();
  window.addEventListener("hashchange", sync);
  return () => window.removeEventListener("hashchange", sync);
}
