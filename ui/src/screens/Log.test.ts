import { describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import Log from "./Log.svelte";
import { initLanguage } from "../lib/i18n/index.svelte";
import { memorySettings } from "../lib/settings";
import type { LogLine } from "../lib/bindings/LogLine";

// Lines as the core renders them (register::log_view): the screen shows them as they are.
const update: LogLine = {
  at: "2026-11-22 09:15",
  at_utc: "2026-11-22T08:15:00Z",
  os_user: "anna",
  entity: "person",
  entity_id: 7,
  kind: "Person",
  name: "Anna Berg",
  action: "update",
  event: "Ändrad",
  changes: [
    {
      field: "Skyddade personuppgifter",
      before: "nej",
      after: "ja",
      text: "Skyddade personuppgifter: nej → ja",
    },
  ],
  details: "Skyddade personuppgifter: nej → ja",
  redacted: false,
  people: null,
  file: null,
};
const meeting: LogLine = {
  ...update,
  at: "2026-11-22 10:00",
  at_utc: "2026-11-22T09:00:00Z",
  entity: "meeting",
  entity_id: 6,
  kind: "Möte",
  name: "Länsgruppen MVK 2027-03-10",
  action: "insert",
  event: "Tillagd",
  changes: [
    { field: "Grupp", before: null, after: "Länsgruppen MVK", text: "Grupp: Länsgruppen MVK" },
    { field: "Starttid", before: null, after: "09:00", text: "Starttid: 09:00" },
    { field: "Status", before: null, after: "Planerat", text: "Status: Planerat" },
  ],
  details: "Grupp: Länsgruppen MVK; Starttid: 09:00; Status: Planerat",
};
const erased: LogLine = {
  ...update,
  entity_id: 9,
  name: "Borttagen person 1",
  changes: [],
  details: "(uppgifterna är borttagna)",
  redacted: true,
};
const exported: LogLine = {
  at: "2026-11-21 11:00",
  at_utc: "2026-11-21T10:00:00Z",
  os_user: "anna",
  entity: "export",
  entity_id: 3,
  kind: "Export",
  name: "Sändlista: Länsgruppen MVK",
  action: "mailing_list",
  event: "Export",
  changes: [],
  details: "31 personer till /home/anna/lista.csv",
  redacted: false,
  people: 31,
  file: "/home/anna/lista.csv",
};

function setup(calls: unknown[]) {
  mockIPC((cmd, args) => {
    if (cmd !== "audit_log") return null;
    calls.push(args);
    const a = args as { entity: string | null };
    return a.entity === "export" ? [exported] : a.entity === "person" ? [update] : [meeting, update, erased, exported];
  });
  initLanguage(memorySettings());
  render(Log, { focusOnMount: false });
}

describe("Log", () => {
  it("shows each line as the core renders it: names, words and Swedish time", async () => {
    setup([]);
    const table = await screen.findByRole("table", { name: "Logg, nyast först" });
    expect(within(table).getByRole("columnheader", { name: "Tid (svensk tid)" })).toBeInTheDocument();
    const row = within(table).getAllByRole("row", { name: /Anna Berg/ })[0];
    expect(row).toHaveTextContent("2026-11-22 09:15");
    expect(row).toHaveTextContent("Person Anna Berg");
    expect(row).toHaveTextContent("Ändrad");
    expect(row).toHaveTextContent("Skyddade personuppgifter: nej → ja");
    expect(within(row).getByText("2026-11-22 09:15")).toHaveAttribute("datetime", "2026-11-22T08:15:00Z");
    expect(row).not.toHaveTextContent("protected");
    expect(row).not.toHaveTextContent("Person 7");

    const planned = within(table).getByRole("row", { name: /Länsgruppen MVK 2027-03-10/ });
    expect(planned).toHaveTextContent("Möte");
    expect(within(planned).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "Grupp: Länsgruppen MVK",
      "Starttid: 09:00",
      "Status: Planerat",
    ]);

    const gone = within(table).getByRole("row", { name: /Borttagen person 1/ });
    expect(gone).toHaveTextContent("(uppgifterna är borttagna)");

    const exp = within(table).getByRole("row", { name: /Sändlista/ });
    expect(exp).toHaveTextContent("31 personer till /home/anna/lista.csv");
    expect(screen.getByTestId("log-count")).toHaveTextContent("4 händelser");
  });

  it("shows the line focused in full below the list (a row is one line)", async () => {
    setup([]);
    const table = await screen.findByRole("table", { name: "Logg, nyast först" });
    expect(screen.queryByTestId("log-detail")).not.toBeInTheDocument();
    expect(screen.getByText("Välj en rad för att se hela händelsen här.")).toBeInTheDocument();
    const planned = within(table).getByRole("row", { name: /Länsgruppen MVK 2027-03-10/ });
    await fireEvent.focusIn(planned);
    const detail = screen.getByRole("region", { name: "Händelsen i sin helhet" });
    expect(detail).toHaveTextContent("2026-11-22 10:00 · anna · Möte Länsgruppen MVK 2027-03-10 · Tillagd");
    expect(within(detail).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "Grupp: Länsgruppen MVK",
      "Starttid: 09:00",
      "Status: Planerat",
    ]);
    await fireEvent.keyDown(planned, { key: "ArrowDown" });
    await waitFor(() => expect(detail).toHaveTextContent("Skyddade personuppgifter: nej → ja"));
  });

  it("filters by what and from which day", async () => {
    const calls: unknown[] = [];
    setup(calls);
    await screen.findByRole("table");
    await fireEvent.change(screen.getByRole("combobox", { name: "Visa" }), { target: { value: "export" } });
    await waitFor(() => expect(screen.getByTestId("log-count")).toHaveTextContent("1 händelser"));
    await fireEvent.input(screen.getByRole("textbox", { name: "Från och med" }), { target: { value: "2026-11-01" } });
    await waitFor(() => expect(calls.at(-1)).toEqual({ since: "2026-11-01", entity: "export" }));
  });

  it("windows a log of 10,000 lines: the lines in view in the DOM, the count for screen readers, the keys to the last", async () => {
    const many: LogLine[] = Array.from({ length: 10_000 }, (_, i) => ({ ...update, entity_id: i, name: `Person ${i + 1}` }));
    mockIPC((cmd) => (cmd === "audit_log" ? many : null));
    initLanguage(memorySettings());
    render(Log, { focusOnMount: false });
    const table = await screen.findByRole("table", { name: "Logg, nyast först" });
    expect(table).toHaveAttribute("aria-rowcount", "10001");
    expect(screen.getByTestId("log-count")).toHaveTextContent("10000 händelser");
    const rows = () => table.querySelectorAll("tbody tr[data-index]");
    expect(rows().length).toBeLessThan(200);
    // The lines hold no link: the first is in the Tab order itself, the others are not.
    const first = within(table).getByRole("row", { name: /Person 1\b/ });
    expect(first).toHaveAttribute("tabindex", "0");
    expect(rows()[1]).toHaveAttribute("tabindex", "-1");
    first.focus();
    await fireEvent.keyDown(first, { key: "ArrowDown" });
    await waitFor(() => expect(document.activeElement).toHaveTextContent("Person 2"));
    await fireEvent.keyDown(document.activeElement!, { key: "PageDown" });
    await waitFor(() => expect(document.activeElement).toHaveAttribute("aria-rowindex", String(3 + 19)));
    await fireEvent.keyDown(document.activeElement!, { key: "End" });
    await waitFor(() => expect(document.activeElement).toHaveTextContent("Person 10000"));
    expect(document.activeElement).toHaveAttribute("aria-rowindex", "10001");
    expect(document.activeElement).toHaveAttribute("tabindex", "0");
    expect(rows().length).toBeLessThan(200);
  });
});
