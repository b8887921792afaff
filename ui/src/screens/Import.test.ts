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
  columns: [
    { header: "Kommun", field: "organisation", note: { kind: "fills" } },
    { header: "Namn", field: "name", note: { kind: "fills" } },
    { header: "E-post", field: "email", note: { kind: "fills" } },
  ],
  group: null,
  rows_in_default_group: 0,
  new_orgs: [],
  new_orgs_not_listed: 0,
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

const groups = [
  { group: { id: 1, name: "Styrgrupp MVK" }, seats: 0, seat_count: 0, vacant: 0, serving: 0 },
  { group: { id: 2, name: "Länsgruppen MVK" }, seats: 0, seat_count: 0, vacant: 0, serving: 0 },
];

type Call = { cmd: string; args: Record<string, unknown> };

function setup(calls: Call[], withIssue: boolean, dryReport: Record<string, unknown> = {}) {
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: a });
    if (cmd === "import_preview") return preview;
    if (cmd === "list_groups") return groups;
    if (cmd === "import_template") return null;
    if (cmd === "import_run") {
      const dryRun = (a.choices as { dry_run: boolean }).dry_run;
      if (dryRun && withIssue) {
        return report({ issues: [{ row: 3, column: "E-post", reason: "Ogiltigt värde för e-post." }] });
      }
      return dryRun ? report(dryReport) : report({ dry_run: false, written: true, backup: "/b.sqlite3" });
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
        choices: { dry_run: true, group_id: null, create_orgs: [], create_all_orgs: false, use_existing: [] },
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
    await waitFor(() =>
      expect(calls.some((c) => c.cmd === "import_run" && (c.args.choices as { dry_run: boolean }).dry_run === false)).toBe(true),
    );
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

  it("says what each column is read as, or why not, and where roles without a group go", async () => {
    setup([], false, {
      columns: [
        { header: "Organisation", field: "organisation", note: { kind: "fills" } },
        { header: "Roll", field: "role", note: { kind: "roles_into", group: "Länsgruppen MVK" } },
        { header: "Mail", field: null, note: { kind: "same_field_as", column: "E-post" } },
        { header: "Skostorlek", field: null, note: { kind: "not_recognised" } },
        { header: "Namn", field: null, note: { kind: "not_chosen", field: "name" } },
      ],
      group: { id: 2, name: "Länsgruppen MVK" },
      rows_in_default_group: 14,
      appointments_created: 14,
    });
    await readFile();
    await fireEvent.click(screen.getByRole("button", { name: "Provläs" }));
    const cols = await screen.findByRole("table", { name: "Vad varje kolumn läses in som" });
    expect(within(cols).getByRole("row", { name: /Roll/ })).toHaveTextContent("rader utan grupp läses in i Länsgruppen MVK");
    expect(within(cols).getByRole("row", { name: /Mail/ })).toHaveTextContent("används inte: fältet läses redan från ”E-post”");
    expect(within(cols).getByRole("row", { name: /Skostorlek/ })).toHaveTextContent("rubriken motsvarar inget fält");
    expect(within(cols).getByRole("row", { name: /Namn/ })).toHaveTextContent("valt bort (rubriken motsvarar Namn)");
    expect(screen.getByTestId("import-in-group")).toHaveTextContent("14 rader utan grupp läses in i Länsgruppen MVK.");
  });

  it("sends the group chosen for rows without one, and asks for a new check after a change", async () => {
    const calls: Call[] = [];
    setup(calls, false);
    await readFile();
    const group = await screen.findByRole("combobox", { name: "Grupp för roller utan grupp" });
    await waitFor(() => expect(within(group).getByRole("option", { name: "Styrgrupp MVK" })).toBeInTheDocument());
    expect(group).toHaveValue("");
    await fireEvent.click(screen.getByRole("button", { name: "Provläs" }));
    const apply = screen.getByRole("button", { name: "Läs in i registret" });
    await waitFor(() => expect(apply).toBeEnabled());
    await fireEvent.change(group, { target: { value: "1" } });
    expect(apply).toBeDisabled();
    expect(screen.getByRole("status")).toHaveTextContent("provläs igen");
    await fireEvent.click(screen.getByRole("button", { name: "Provläs" }));
    await waitFor(() => expect(apply).toBeEnabled());
    const last = calls.filter((c) => c.cmd === "import_run").at(-1);
    expect((last?.args.choices as { group_id: number }).group_id).toBe(1);
  });

  it("names every new organisation and creates only the ticked ones, or reads one as the similar existing one", async () => {
    const calls: Call[] = [];
    setup(calls, false, {
      new_orgs: [
        { name: "Okänd förening", rows: 1, decision: "skip", similar: null },
        { name: "Brottsofferjouren Dalarna", rows: 2, decision: "skip", similar: { id: 30, name: "Brottsofferjouren" } },
      ],
      rows: 4,
      rows_skipped: 3,
      skipped: [{ row: 4, column: "Organisation", reason: "organisationen finns inte i registret och skapas inte (välj att skapa den)" }],
    });
    await readFile();
    await fireEvent.click(screen.getByRole("button", { name: "Provläs" }));
    const orgs = await screen.findByRole("table", { name: "Nya organisationer i filen" });
    expect(within(orgs).getByRole("row", { name: /Okänd förening/ })).toHaveTextContent("1");
    const create = within(orgs).getByRole("checkbox", { name: "Skapa ”Okänd förening”" });
    expect(create).not.toBeChecked();
    expect(screen.getByRole("table", { name: "Överhoppade rader" })).toHaveTextContent("skapas inte");
    expect(screen.getByTestId("import-report")).toHaveTextContent("1 av 4 rader kan läsas in; 3 hoppas över");
    const createBoj = within(orgs).getByRole("checkbox", { name: "Skapa ”Brottsofferjouren Dalarna”" });
    const asExisting = within(orgs).getByRole("checkbox", { name: "Läs in ”Brottsofferjouren Dalarna” som ”Brottsofferjouren”" });
    const apply = screen.getByRole("button", { name: "Läs in i registret" });
    await waitFor(() => expect(apply).toBeEnabled());
    await fireEvent.click(create);
    await fireEvent.click(createBoj);
    expect(apply).toBeDisabled();
    await fireEvent.click(asExisting);
    expect(createBoj).not.toBeChecked();
    expect(asExisting).toBeChecked();
    await fireEvent.click(screen.getByRole("button", { name: "Provläs" }));
    await waitFor(() => expect(apply).toBeEnabled());
    await fireEvent.click(apply);
    await waitFor(() => expect(calls.some((c) => c.cmd === "import_run" && !(c.args.choices as { dry_run: boolean }).dry_run)).toBe(true));
    const last = calls.filter((c) => c.cmd === "import_run").at(-1);
    expect(last?.args.choices).toEqual({
      dry_run: false,
      group_id: null,
      create_orgs: ["Okänd förening"],
      create_all_orgs: false,
      use_existing: [{ name: "Brottsofferjouren Dalarna", org_id: 30 }],
    });
  });

  it("saves the template as XLSX or CSV where she chooses", async () => {
    const calls: Call[] = [];
    setup(calls, false);
    window.__samverkanTestPaths = { save: "/data/importmall.xlsx" };
    try {
      await fireEvent.click(screen.getByRole("button", { name: "Spara mall (XLSX) …" }));
      await waitFor(() =>
        expect(calls.find((c) => c.cmd === "import_template")?.args).toEqual({ path: "/data/importmall.xlsx", format: "xlsx" }),
      );
      await waitFor(() => expect(status.messages.at(-1)?.text).toContain("Mallen är sparad: /data/importmall.xlsx"));
      await fireEvent.click(screen.getByRole("button", { name: "Spara mall (CSV) …" }));
      await waitFor(() => expect(calls.filter((c) => c.cmd === "import_template").at(-1)?.args.format).toBe("csv"));
    } finally {
      delete window.__samverkanTestPaths;
    }
  });

  it("creates them all with one tick when the file has more than the screen lists", async () => {
    const calls: Call[] = [];
    const many = Array.from({ length: 250 }, (_, i) => ({ name: `Förening ${i}`, rows: 1, decision: "skip", similar: null }));
    setup(calls, false, { new_orgs: many, new_orgs_not_listed: 500, rows: 750, rows_skipped: 750 });
    await readFile();
    await fireEvent.click(screen.getByRole("button", { name: "Provläs" }));
    const orgs = await screen.findByRole("table", { name: "Nya organisationer i filen" });
    expect(orgs.querySelectorAll("tbody tr")).toHaveLength(200);
    expect(screen.getByTestId("import-report")).toHaveTextContent("550 organisationer till visas inte här");
    await fireEvent.click(screen.getByRole("checkbox", { name: "Skapa alla 750 nya organisationer" }));
    expect(orgs.querySelector('input[data-create="Förening 0"]')).toBeChecked();
    await fireEvent.click(screen.getByRole("button", { name: "Provläs" }));
    await waitFor(() => expect((calls.filter((c) => c.cmd === "import_run").at(-1)?.args.choices as { create_all_orgs: boolean }).create_all_orgs).toBe(true));
  }, 20_000);
});
