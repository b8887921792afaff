import { describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import Log from "./Log.svelte";
import { initLanguage } from "../lib/i18n/index.svelte";
import { memorySettings } from "../lib/settings";
import { changeText } from "../components/safety/format";

const update = {
  at: "2026-11-22T08:15:00Z",
  os_user: "anna",
  entity: "person",
  entity_id: 7,
  action: "update",
  old: JSON.stringify({ name: "Anna Berg", email: "anna@falun.se", phone: null }),
  new: JSON.stringify({ name: "Anna Berg", email: "anna.berg@falun.se", phone: null }),
  people: null,
  file: null,
  redacted: false,
};
const exported = {
  at: "2026-11-21T10:00:00Z",
  os_user: "anna",
  entity: "export",
  entity_id: 3,
  action: "roster_csv",
  old: null,
  new: "Sändlista: Länsgruppen MVK",
  people: 31,
  file: "/home/anna/lista.csv",
  redacted: false,
};

function setup(calls: unknown[]) {
  mockIPC((cmd, args) => {
    if (cmd !== "audit_log") return null;
    calls.push(args);
    const a = args as { entity: string | null };
    return a.entity === "export" ? [exported] : a.entity === "person" ? [update] : [update, exported];
  });
  initLanguage(memorySettings());
  render(Log, { focusOnMount: false });
}

describe("Log", () => {
  it("shows changes as old → new and exports with their file", async () => {
    setup([]);
    const table = await screen.findByRole("table", { name: "Logg, nyast först" });
    const row = within(table).getByRole("row", { name: /Person 7/ });
    expect(row).toHaveTextContent("Ändrad");
    expect(row).toHaveTextContent("email: anna@falun.se → anna.berg@falun.se");
    expect(row).not.toHaveTextContent("name:");
    const exp = within(table).getByRole("row", { name: /Export 3/ });
    expect(exp).toHaveTextContent("31 personer till /home/anna/lista.csv");
    expect(screen.getByTestId("log-count")).toHaveTextContent("2 händelser");
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

  it("says when the values were erased", () => {
    expect(changeText({ ...update, redacted: true, old: null, new: null })).toBe("(uppgifterna är borttagna)");
    expect(changeText({ ...update, action: "insert", old: null })).toBe("name: Anna Berg; email: anna.berg@falun.se");
  });
});
