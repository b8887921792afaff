import { describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import SearchSelect from "./SearchSelect.svelte";
import type { Choice } from "../lib/search";
import { initLanguage } from "../lib/i18n/index.svelte";
import { memorySettings } from "../lib/settings";

const ALL: Choice[] = Array.from({ length: 10_000 }, (_, i) => ({ id: i + 1, name: `Förening ${i + 1}` }));
const filter = (text: string, limit: number) =>
  Promise.resolve(ALL.filter((c) => c.name.toLowerCase().includes(text.toLowerCase())).slice(0, limit));

function setup(search = vi.fn(filter)) {
  mockIPC(() => null);
  initLanguage(memorySettings());
  const chosen: (Choice | null)[] = [];
  render(SearchSelect, { id: "pick", search, placeholder: "Välj förening", onchoose: (c: Choice | null) => chosen.push(c) });
  return { field: screen.getByRole("combobox"), chosen, search };
}

describe("SearchSelect", () => {
  it("lists the first matches of what is typed, not an option per row, and chooses with the keys", async () => {
    const { field, chosen, search } = setup();
    await fireEvent.click(field);
    await waitFor(() => expect(screen.getAllByRole("option")).toHaveLength(20));
    expect(field).toHaveAttribute("aria-expanded", "true");
    expect(screen.getByRole("listbox", { name: "Träffar" })).toHaveAttribute("id", field.getAttribute("aria-controls"));
    expect(screen.getByRole("status")).toHaveTextContent("De 20 första visas");
    await fireEvent.input(field, { target: { value: "förening 9999" } });
    await waitFor(() => expect(screen.getAllByRole("option").map((o) => o.textContent)).toEqual(["Förening 9999"]));
    expect(search).toHaveBeenLastCalledWith("förening 9999", 21);
    expect(field).toHaveAttribute("aria-activedescendant", "pick-opt-0");
    await fireEvent.keyDown(field, { key: "Enter" });
    expect(chosen.at(-1)).toEqual({ id: 9999, name: "Förening 9999" });
    expect(field).toHaveValue("Förening 9999");
    expect(field).toHaveAttribute("aria-expanded", "false");
    expect(document.querySelectorAll("option")).toHaveLength(0);
  });

  it("moves down the list with ↓ and closes it with Esc without choosing", async () => {
    const { field, chosen } = setup();
    await fireEvent.keyDown(field, { key: "ArrowDown" });
    await waitFor(() => expect(screen.getAllByRole("option").length).toBe(20));
    await fireEvent.keyDown(field, { key: "ArrowDown" });
    await fireEvent.keyDown(field, { key: "ArrowDown" });
    expect(screen.getAllByRole("option")[2]).toHaveAttribute("aria-selected", "true");
    await fireEvent.keyDown(field, { key: "ArrowUp" });
    expect(field).toHaveAttribute("aria-activedescendant", "pick-opt-1");
    const esc = new KeyboardEvent("keydown", { key: "Escape", bubbles: true, cancelable: true });
    field.dispatchEvent(esc);
    expect(esc.defaultPrevented).toBe(true);
    await waitFor(() => expect(field).toHaveAttribute("aria-expanded", "false"));
    expect(chosen).toEqual([]);
    await fireEvent.keyDown(field, { key: "ArrowDown" });
    await waitFor(() => expect(screen.getAllByRole("option").length).toBe(20));
    await fireEvent.mouseDown(screen.getAllByRole("option")[3]);
    expect(chosen.at(-1)).toEqual({ id: 4, name: "Förening 4" });
  });

  it("says when nothing matches, and drops the answer of a question a newer one superseded", async () => {
    let release: (c: Choice[]) => void = () => {};
    const slow = new Promise<Choice[]>((r) => (release = r));
    const search = vi.fn((text: string, limit: number) => (text === "för" ? slow : filter(text, limit)));
    const { field } = setup(search);
    await fireEvent.input(field, { target: { value: "för" } });
    await waitFor(() => expect(search).toHaveBeenCalledWith("för", 21));
    await fireEvent.input(field, { target: { value: "ingen sådan" } });
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("Ingen träff."));
    release(ALL.slice(0, 5));
    await slow;
    await Promise.resolve();
    expect(screen.queryAllByRole("option")).toHaveLength(0);
  });

  it("takes a name typed in full as its choice when the field is left, and clears a text that names nothing", async () => {
    const { field, chosen } = setup();
    await fireEvent.input(field, { target: { value: "Förening 42" } });
    await waitFor(() => expect(screen.getAllByRole("option")[0]).toHaveTextContent("Förening 42"));
    await fireEvent.blur(field);
    expect(chosen.at(-1)).toEqual({ id: 42, name: "Förening 42" });
    await fireEvent.input(field, { target: { value: "Förening 4x" } });
    expect(chosen.at(-1)).toBeNull();
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("Ingen träff."));
    await fireEvent.blur(field);
    expect(field).toHaveValue("");
  });
});
