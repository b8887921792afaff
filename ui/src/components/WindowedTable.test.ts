import { describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import Harness from "./WindowedTableHarness.svelte";
import { PagedRows } from "../lib/paged.svelte";
import type { Page } from "../lib/bindings/Page";

const bodyRows = () => screen.getByTestId("harness").querySelectorAll("tbody tr[data-index]");

describe("WindowedTable", () => {
  it("puts only the rows in view in the DOM, however long the list, and tells screen readers its length", () => {
    render(Harness, { count: 10_000 });
    const table = screen.getByRole("table", { name: "Rader" });
    expect(table).toHaveAttribute("aria-rowcount", "10001");
    const rows = bodyRows();
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(200);
    expect(rows[0]).toHaveAttribute("aria-rowindex", "2");
    expect(rows[0]).toHaveAttribute("data-row", "0");
    expect(within(rows[0] as HTMLElement).getByRole("link", { name: "Rad 1" })).toBeInTheDocument();
    // The scrollbar is the whole list's: a spacer below stands for the rows not drawn.
    const spacer = table.querySelector("tr.windowed-spacer") as HTMLElement;
    expect(spacer).toHaveAttribute("aria-hidden", "true");
    expect(parseFloat(spacer.style.height)).toBeGreaterThan(9_000 * 30);
  });

  it("draws the rows at the scroll position, with their place in the list", async () => {
    const ranges: [number, number][] = [];
    render(Harness, { count: 10_000, onrange: (from: number, to: number) => ranges.push([from, to]) });
    const box = screen.getByTestId("harness");
    box.scrollTop = 41 * 5_000;
    await fireEvent.scroll(box);
    await waitFor(() => expect(screen.getByRole("link", { name: "Rad 5001" })).toBeInTheDocument());
    const row = screen.getByRole("link", { name: "Rad 5001" }).closest("tr")!;
    expect(row).toHaveAttribute("aria-rowindex", "5002");
    expect(screen.queryByRole("link", { name: "Rad 1" })).not.toBeInTheDocument();
    expect(bodyRows().length).toBeLessThan(200);
    const [from, to] = ranges.at(-1)!;
    expect(from).toBeLessThanOrEqual(5_000);
    expect(to).toBeGreaterThan(5_000);
  });

  it("moves the focus row by row with the arrow keys and reaches the last row with End", async () => {
    render(Harness, { count: 10_000 });
    const first = screen.getByRole("link", { name: "Rad 1" });
    first.focus();
    await fireEvent.keyDown(first, { key: "ArrowDown" });
    await waitFor(() => expect(document.activeElement).toHaveTextContent("Rad 2"));
    await fireEvent.keyDown(document.activeElement!, { key: "End" });
    await waitFor(() => expect(document.activeElement).toHaveTextContent("Rad 10000"));
    expect(document.activeElement!.closest("tr")).toHaveAttribute("aria-rowindex", "10001");
    expect(bodyRows().length).toBeLessThan(200);
    await fireEvent.keyDown(document.activeElement!, { key: "Home" });
    await waitFor(() => expect(document.activeElement).toHaveTextContent("Rad 1"));
    await fireEvent.keyDown(document.activeElement!, { key: "ArrowUp" });
    expect(document.activeElement).toHaveTextContent("Rad 1");
  });

  it("keeps one row of a list without links in the Tab order, and counts a foot row", async () => {
    render(Harness, { count: 10_000, plain: true });
    const table = screen.getByRole("table", { name: "Rader" });
    expect(table).toHaveAttribute("aria-rowcount", "10002");
    expect(within(table).getByRole("row", { name: /Summa/ })).toHaveAttribute("aria-rowindex", "10002");
    const rows = bodyRows();
    expect([...rows].filter((r) => r.getAttribute("tabindex") === "0")).toEqual([rows[0]]);
    (rows[0] as HTMLElement).focus();
    await fireEvent.keyDown(rows[0], { key: "End" });
    await waitFor(() => expect(document.activeElement).toHaveTextContent("Rad 10000"));
    expect(document.activeElement).toHaveAttribute("tabindex", "0");
    expect(bodyRows().length).toBeLessThan(200);
  });

  it("shows what an empty list says", () => {
    render(Harness, { count: 0 });
    expect(screen.getByRole("table", { name: "Rader" })).toHaveTextContent("Inga rader");
    expect(bodyRows()).toHaveLength(0);
  });
});

describe("PagedRows", () => {
  const pageOf = (offset: number, limit: number, total = 250): Page<number> => ({
    total,
    offset,
    rows: Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, k) => offset + k),
  });

  it("fetches the first page on reset and the pages a window needs, each once", async () => {
    const fetch = vi.fn((offset: number, limit: number) => Promise.resolve(pageOf(offset, limit)));
    const rows = new PagedRows<number>(fetch, 100);
    rows.reset();
    await waitFor(() => expect(rows.total).toBe(250));
    expect(rows.row(5)).toBe(5);
    expect(rows.row(150)).toBeUndefined();
    rows.ensure(140, 210);
    rows.ensure(140, 210);
    await waitFor(() => expect(rows.row(210)).toBe(210));
    expect(fetch.mock.calls).toEqual([[0, 100], [100, 100], [200, 100]]);
    expect(rows.loading).toBe(false);
  });

  it("drops the answer of a query that a newer one superseded", async () => {
    let release: (p: Page<number>) => void = () => {};
    const slow = new Promise<Page<number>>((r) => (release = r));
    const rows = new PagedRows<number>(() => slow, 100);
    rows.reset();
    expect(rows.loading).toBe(true);
    rows.reset(() => Promise.resolve({ total: 1, offset: 0, rows: [42] }));
    await waitFor(() => expect(rows.total).toBe(1));
    release(pageOf(0, 100));
    await slow;
    await Promise.resolve();
    expect(rows.total).toBe(1);
    expect(rows.row(0)).toBe(42);
  });

  it("keeps a first page given with it and reports a failed fetch in the user's words", async () => {
    const rows = new PagedRows<number>(() => Promise.reject({ code: "locked", message: "Registret är upptaget." }), 50, pageOf(0, 50, 120));
    expect(rows.total).toBe(120);
    expect(rows.row(49)).toBe(49);
    rows.ensure(40, 60);
    await waitFor(() => expect(rows.error).toBe("Registret är upptaget."));
    expect(rows.row(49)).toBe(49);
  });
});
