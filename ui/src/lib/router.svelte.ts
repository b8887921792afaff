// Client-side routing by the URL hash: `#/organisations` shows the organisations screen and
// `#/organisations/12` the same screen with organisation 12 open (`router.param`).
//
// Only hashes that start with `#/` are routes; anything else is left alone. An unknown
// route shows the overview, so a stale link never leaves the window blank.

export const ROUTES = [
  "overview",
  "organisations",
  "people",
  "groups",
  "meetings",
  "coverage",
  "forms",
  "report",
  "backups",
  "log",
  "retention",
  "import",
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

/** The part after the route, e.g. "12" in `#/organisations/12`; null when there is none. */
export function parseParam(hash: string): string | null {
  if (!hash.startsWith("#/")) return null;
  const rest = hash.slice(2).split("?")[0].split("/");
  return rest.length > 1 && rest[1] !== "" ? decodeURIComponent(rest[1]) : null;
}

export function href(route: Route, param?: string | number | null): string {
  return param === undefined || param === null
    ? `#/${route}`
    : `#/${route}/${encodeURIComponent(String(param))}`;
}

export const router = $state<{ current: Route; param: string | null }>({
  current: DEFAULT_ROUTE,
  param: null,
});

export function navigate(route: Route, param?: string | number | null): void {
  const target = href(route, param);
  if (location.hash !== target) location.hash = target;
  router.current = route;
  router.param = param === undefined || param === null ? null : String(param);
}

/** Follows the hash from now on; returns the function that stops following it. */
export function startRouter(): () => void {
  const sync = () => {
    const route = parseHash(location.hash);
    if (route) {
      router.current = route;
      router.param = parseParam(location.hash);
    }
  };
  sync();
  window.addEventListener("hashchange", sync);
  return () => window.removeEventListener("hashchange", sync);
}
