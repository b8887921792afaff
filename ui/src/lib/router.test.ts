import { describe, expect, it } from "vitest";
import { DEFAULT_ROUTE, href, parseHash } from "./router.svelte";

describe("parseHash", () => {
  it("reads a route from #/name", () => {
    expect(parseHash("#/organisations")).toBe("organisations");
    expect(parseHash("#/people/42")).toBe("people");
  });

  it("shows the overview for an empty or unknown route", () => {
    expect(parseHash("")).toBe(DEFAULT_ROUTE);
    expect(parseHash("#/")).toBe(DEFAULT_ROUTE);
    expect(parseHash("#/nowhere")).toBe(DEFAULT_ROUTE);
  });

  it("ignores a hash that is not a route, such as the skip link's #main", () => {
    expect(parseHash("#main")).toBeNull();
  });

  it("round-trips with href", () => {
    expect(parseHash(href("coverage"))).toBe("coverage");
  });
});
