import { describe, expect, it } from "vitest";
import { DEFAULT_ROUTE, href, parseHash, parseParam } from "./router.svelte";

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

describe("parseParam", () => {
  it("reads the id after the route", () => {
    expect(parseParam("#/organisations/12")).toBe("12");
    expect(parseParam("#/groups/3?tab=history")).toBe("3");
  });

  it("is null without one", () => {
    expect(parseParam("#/organisations")).toBeNull();
    expect(parseParam("#/organisations/")).toBeNull();
    expect(parseParam("")).toBeNull();
  });

  it("round-trips through href", () => {
    expect(href("people", 7)).toBe("#/people/7");
    expect(parseParam(href("people", "a b"))).toBe("a b");
  });
});
