import { beforeEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import Import from "./Import.svelte";
import { initLanguage } from "../lib/i18n/index.svelte";
import { memorySettings } from "../lib/settings";
import { status } from "../lib/status.svelte";

const preview = {
  header: ["Kommun", "Namn", "E-post"],
  fields: [null, "name", "email"],
  sample: [
    ["Falu kommun", "Anna Berg", "anna@falun.se"],
    ["Mora kommun", "Bo Ek", "bo.mora.se"],
  ],
  rows: 2,
};

const report = (over: Record<string, unknown>) => ({
  dry_run: true,
  written: false,
  rows: 2,
  columns: [],
  orgs_created: 0,
  orgs_matched: 2,
  people_created: 2,
  people_updated: 0,
  people_matched: 0,
  appointments_created: 0,
  appointments_existing: 0,
  issues: [],
  skipped: [],
  rows_skipped: 0,
  backup: null,
  ...over,
});

function setup(calls: { cmd: string; args: Record<string, unknown> }[], withIssue: boolean) {
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: a });
    if (cmd === "import_preview") return preview;
    if (cmd === "import_run") {
      if (a.dryRun && withIssue) {
        return report({ issues: [{ row: 3, column: "E-post", reason: "Ogiltigt värde för e-post." }] });
      }
      return a.dryRun ? report({}) : report({ dry_run: false, written: true, backup: "/b.sqlite3" });
    }
    if (cmd === "register_info") {
      return { path: "/r", network_name: "MVK", template: null, schema_version: 5, organisations: 30, people: 2, groups: 2, appointments: 0 };
    }
    return null;
  });
  initLanguage(memorySettings());
  render(Import, { focusOnMount: false });
}

async function readFile() {
  await fireEvent.input(screen.getByRole("textbox", { name: "Fil att läsa in" }), { target: { value: "/data/medlemmar.csv" } });
  await fireEvent.click(screen.getByRole("button", { name: "Läs filen" }));
  return screen.findByRole("table", { name: "Kolumnerna i filen och de första raderna" });
}

describe("Import", () => {
  beforeEach(() => {
    status.messages = [];
  });

  it("shows the guessed field of each column with examples and lets her correct it", async () => {
    const calls: { cmd: string; args: Record<string, unknown> }[] = [];
    setup(calls, false);
    const table = await readFile();
    const kommun = within(table).getByRole("combobox", { name: "Innehåller: Kommun" });
    expect(kommun).toHaveValue("");
    expect(within(table).getByRole("combobox", { name: "Innehåller: E-post" })).toHaveValue("email");
    expect(within(table).getByRole("row", { name: /Kommun/ })).toHaveTextContent("Falu kommun · Mora kommun");
    await fireEvent.change(kommun, { target: { value: "organisation" } });
    await fireEvent.click(screen.getByRole("button", { name: "Provläs" }));
    await waitFor(() =>
      expect(calls.find((c) => c.cmd === "import_run")?.args).toEqual({
        path: "/data/medlemmar.csv",
        fields: ["organisation", "name", "email"],
        dryRun: true,
      }),
    );
    expect(await screen.findByTestId("import-report")).toHaveTextContent("alla 2 rader kan läsas in");
  });

  it("imports only after a dry run without problems", async () => {
    const calls: { cmd: string; args: Record<string, unknown> }[] = [];
    setup(calls, false);
    await readFile();
    const apply = screen.getByRole("button", { name: "Läs in i registret" });
    expect(apply).toBeDisabled();
    await fireEvent.click(screen.getByRole("button", { name: "Provläs" }));
    await waitFor(() => expect(apply).toBeEnabled());
    await fireEvent.click(apply);
    await waitFor(() => expect(calls.some((c) => c.cmd === "import_run" && c.args.dryRun === false)).toBe(true));
    await waitFor(() => expect(status.messages.at(-1)?.text).toContain("Importen är klar"));
  });

  it("lists the problems by row and column and keeps the import closed", async () => {
    setup([], true);
    await readFile();
    await fireEvent.click(screen.getByRole("button", { name: "Provläs" }));
    const issues = await screen.findByRole("table", { name: "Problem per rad" });
    expect(within(issues).getByRole("row", { name: /3 E-post Ogiltigt värde för e-post/ })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Läs in i registret" })).toBeDisabled();
  });
});
