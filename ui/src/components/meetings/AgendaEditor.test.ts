import { describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import AgendaEditor from "./AgendaEditor.svelte";
import { initLanguage } from "../../lib/i18n/index.svelte";
import { memorySettings } from "../../lib/settings";
import { status } from "../../lib/status.svelte";
import type { Agenda } from "../../lib/bindings/Agenda";
import type { AgendaItemDraft } from "../../lib/bindings/AgendaItemDraft";

const TOO_LONG = {
  code: "invalid",
  field: "item_title",
  message: "Ogiltigt värde för punktens rubrik: högst 200 tecken.",
};

/** A register of one meeting's agenda held in the mock, with times as the core gives them. */
function setup(initial: AgendaItemDraft[]) {
  let items: AgendaItemDraft[] = initial.map((d) => ({ ...d }));
  const calls: { cmd: string; args: Record<string, unknown> }[] = [];
  const hhmm = (m: number) => `${String(Math.floor(m / 60) % 24).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  const view = (): Agenda => {
    let at = 13 * 60;
    return {
      of: { of: "meeting", id: 7 },
      start: "13:00",
      end: "15:00",
      total_minutes: items.reduce((s, i) => s + (i.minutes ?? 0), 0),
      overrun_minutes: 0,
      from_template: false,
      items: items.map((d, i) => {
        const start = at;
        at += d.minutes ?? 0;
        return {
          position: i + 1,
          title: d.title,
          kind: d.kind ?? "information",
          presenter_id: d.presenter_id,
          presenter: d.presenter,
          presenter_name: d.presenter_id === 3 ? "Anna Åström" : d.presenter,
          minutes: d.minutes ?? 0,
          note: d.note,
          start: hhmm(start),
          end: hhmm(at),
        };
      }),
    };
  };
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: a });
    switch (cmd) {
      case "agenda":
        return view();
      case "add_agenda_item": {
        const d = a.draft as AgendaItemDraft;
        if ([...d.title].length > 200) throw TOO_LONG;
        items.push(d);
        return view();
      }
      case "edit_agenda_item":
        items[(a.position as number) - 1] = a.draft as AgendaItemDraft;
        return view();
      case "move_agenda_item": {
        const [it] = items.splice((a.position as number) - 1, 1);
        items.splice((a.to as number) - 1, 0, it);
        return view();
      }
      case "remove_agenda_item":
        items = items.filter((_, i) => i !== (a.position as number) - 1);
        return view();
      default:
        return null;
    }
  });
  initLanguage(memorySettings());
  status.messages = [];
  render(AgendaEditor, {
    props: { of: { of: "meeting", id: 7 }, people: [{ id: 3, name: "Anna Åström" }] },
  });
  return calls;
}

const item = (title: string, minutes: number): AgendaItemDraft => ({
  title,
  kind: "information",
  presenter_id: null,
  presenter: null,
  minutes,
  note: null,
});

function rowTitles(): string[] {
  return within(screen.getByTestId("agenda-table"))
    .getAllByRole("rowheader")
    .map((th) => th.querySelector(".item-title")?.textContent ?? "");
}

describe("AgendaEditor", () => {
  it("shows the items with their times and moves, edits and removes one by its position", async () => {
    const calls = setup([item("Mötet öppnas", 5), item("Runda", 40), item("Avslutning", 5)]);
    await screen.findByTestId("agenda-table");
    expect(rowTitles()).toEqual(["Mötet öppnas", "Runda", "Avslutning"]);
    expect(screen.getByText("13:05–13:45")).toBeInTheDocument();

    await fireEvent.click(screen.getByRole("button", { name: "Flytta ner Mötet öppnas" }));
    await waitFor(() => expect(rowTitles()).toEqual(["Runda", "Mötet öppnas", "Avslutning"]));
    expect(screen.getByText("13:00–13:40")).toBeInTheDocument();
    expect(calls.find((c) => c.cmd === "move_agenda_item")?.args).toEqual({
      of: { of: "meeting", id: 7 },
      position: 1,
      to: 2,
    });

    await fireEvent.click(screen.getByRole("button", { name: "Ändra Avslutning" }));
    const title = screen.getByRole("textbox", { name: /Rubrik/ });
    expect(title).toHaveValue("Avslutning");
    await fireEvent.input(title, { target: { value: "Mötet avslutas" } });
    await fireEvent.change(screen.getByRole("combobox", { name: "Typ av punkt" }), { target: { value: "decision" } });
    await fireEvent.change(screen.getByRole("combobox", { name: "Föredragande bland de inbjudna" }), {
      target: { value: "3" },
    });
    await fireEvent.click(screen.getByRole("button", { name: "Spara" }));
    await waitFor(() => expect(rowTitles()).toContain("Mötet avslutas"));
    expect(calls.find((c) => c.cmd === "edit_agenda_item")?.args).toEqual({
      of: { of: "meeting", id: 7 },
      position: 3,
      draft: { title: "Mötet avslutas", kind: "decision", presenter_id: 3, presenter: null, minutes: 5, note: null },
    });
    expect(screen.getByText("Anna Åström")).toBeInTheDocument();
    expect(screen.getByText("Beslut")).toBeInTheDocument();

    await fireEvent.click(screen.getByRole("button", { name: "Ta bort Runda" }));
    await waitFor(() => expect(rowTitles()).toEqual(["Mötet öppnas", "Mötet avslutas"]));
    expect(status.messages.some((m) => m.text === "Punkten ”Runda” är borttagen.")).toBe(true);
  });

  it("adds an item whose hostile text is sent and shown exactly, and shows a refusal beside the title", async () => {
    const calls = setup([]);
    await screen.findByText("Dagordningen har inga punkter.");
    await fireEvent.click(screen.getByTestId("agenda-add"));
    const title = screen.getByRole("textbox", { name: /Rubrik/ });
    await waitFor(() => expect(title).toHaveFocus());

    await fireEvent.input(title, { target: { value: "x".repeat(201) } });
    await fireEvent.click(screen.getByRole("button", { name: "Spara" }));
    await waitFor(() => expect(title).toHaveAttribute("aria-invalid", "true"));
    expect(screen.getByText(TOO_LONG.message)).toBeInTheDocument();

    const hostile = '<img src=x onerror="alert(1)"> =SUM(A1) \u202Eåäö';
    await fireEvent.input(title, { target: { value: hostile } });
    await fireEvent.input(screen.getByRole("textbox", { name: /Föredragande/ }), { target: { value: "Robert'); DROP TABLE person;--" } });
    await fireEvent.input(screen.getByRole("textbox", { name: /Minuter/ }), { target: { value: "15" } });
    await fireEvent.input(screen.getByRole("textbox", { name: /Anteckning/ }), { target: { value: "rad ett\nrad två" } });
    await fireEvent.click(screen.getByRole("button", { name: "Spara" }));
    await screen.findByTestId("agenda-table");
    expect(calls.filter((c) => c.cmd === "add_agenda_item").at(-1)?.args).toEqual({
      of: { of: "meeting", id: 7 },
      at: null,
      draft: {
        title: hostile,
        kind: "information",
        presenter_id: null,
        presenter: "Robert'); DROP TABLE person;--",
        minutes: 15,
        note: "rad ett\nrad två",
      },
    });
    expect(rowTitles()).toEqual([hostile]);
    expect(document.querySelector("img")).toBeNull();
    expect(screen.getByText("13:00–13:15")).toBeInTheDocument();
  });

  it("refuses minutes that are not a whole number before calling the core", async () => {
    const calls = setup([]);
    await screen.findByText("Dagordningen har inga punkter.");
    await fireEvent.click(screen.getByTestId("agenda-add"));
    await fireEvent.input(screen.getByRole("textbox", { name: /Rubrik/ }), { target: { value: "Punkt" } });
    const minutes = screen.getByRole("textbox", { name: /Minuter/ });
    await fireEvent.input(minutes, { target: { value: "en kvart" } });
    await fireEvent.click(screen.getByRole("button", { name: "Spara" }));
    await waitFor(() => expect(minutes).toHaveAttribute("aria-invalid", "true"));
    expect(calls.some((c) => c.cmd === "add_agenda_item")).toBe(false);
  });
});
