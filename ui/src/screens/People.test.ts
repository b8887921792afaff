import { beforeEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import People from "./People.svelte";
import { initLanguage } from "../lib/i18n/index.svelte";
import { memorySettings } from "../lib/settings";
import { navigate } from "../lib/router.svelte";
import { ORGS, appointment, person } from "../components/register/testdata";

const PEOPLE = [
  person(10, "Anna Andersson", 1, "Falu kommun", { protected: true, title: "Socialsekreterare" }),
  person(11, "Bo Berg", 1, "Falu kommun", { email: "bo@falun.se" }),
  person(12, "Cecilia Ek", 2, "Region Dalarna"),
];

type Args = Record<string, unknown>;

function setup(overrides: Record<string, (args: Args) => unknown> = {}) {
  const calls: { cmd: string; args: Args }[] = [];
  mockIPC((cmd, raw) => {
    const args = (raw ?? {}) as Args;
    calls.push({ cmd, args });
    if (overrides[cmd]) return overrides[cmd](args);
    switch (cmd) {
      case "people_page": {
        const q = args.query as { text?: string | null; organisation_id?: number | null };
        const page = args.page as { offset: number; limit: number };
        const rows = PEOPLE.filter(
          (p) =>
            (!q.text || p.name.toLowerCase().includes(q.text.toLowerCase())) &&
            (q.organisation_id == null || Number(p.organisation_id) === q.organisation_id),
        );
        return { total: rows.length, offset: page.offset, rows: rows.slice(page.offset, page.offset + page.limit) };
      }
      case "list_orgs":
        return ORGS;
      case "org_page": {
        const q = args.query as { text: string | null };
        const page = args.page as { offset: number; limit: number };
        const rows = ORGS.filter((o) => !q.text || o.name.toLowerCase().includes(q.text.toLowerCase()));
        return { total: rows.length, offset: page.offset, rows: rows.slice(page.offset, page.offset + page.limit) };
      }
      case "today":
        return "2025-06-01";
      case "person_detail":
        return {
          person: PEOPLE[0],
          appointments: [
            appointment(99, { from: "2020-01-01", to: "2023-12-31", ended_on: "2023-12-31", role: "substitute" }),
            appointment(100, { person_protected: true }),
          ],
          erased: null,
        };
      default:
        return null;
    }
  });
  initLanguage(memorySettings());
  render(People, { focusOnMount: false });
  return calls;
}

const names = () =>
  screen.getAllByRole("row").slice(1).map((r) => within(r).getAllByRole("cell")[0].querySelector("a")?.textContent);

describe("People list", () => {
  beforeEach(() => navigate("people"));

  it("lists people with organisation, title, e-mail and a protected badge", async () => {
    setup();
    const anna = await screen.findByRole("link", { name: "Anna Andersson" });
    expect(anna).toHaveAttribute("href", "#/people/10");
    const row = anna.closest("tr")!;
    expect(within(row).getByRole("img", { name: "Skyddade personuppgifter" })).toBeInTheDocument();
    expect(within(row).getByText("Socialsekreterare")).toBeInTheDocument();
    expect(screen.getByText("bo@falun.se")).toBeInTheDocument();
    expect(screen.getByTestId("people-count")).toHaveTextContent("3 personer visas");
  });

  it("filters by organisation and by name", async () => {
    const calls = setup();
    await screen.findByRole("link", { name: "Anna Andersson" });
    // The organisation is searched in the core as she types, not listed whole.
    const org = screen.getByRole("combobox", { name: "Organisation" });
    await fireEvent.input(org, { target: { value: "region" } });
    await fireEvent.mouseDown(await screen.findByRole("option", { name: /Region Dalarna/ }));
    await waitFor(() => expect(names()).toEqual(["Cecilia Ek"]));
    expect(calls.some((c) => c.cmd === "list_orgs")).toBe(false);
    await fireEvent.input(org, { target: { value: "" } });
    await fireEvent.input(screen.getByRole("searchbox", { name: "Sök" }), { target: { value: "bo" } });
    await waitFor(() => expect(names()).toEqual(["Bo Berg"]));
  });
});

describe("Person detail", () => {
  beforeEach(() => navigate("people", 10));

  it("shows the person and their appointments, newest first, with status", async () => {
    setup();
    expect(await screen.findByRole("heading", { level: 1, name: "Anna Andersson" })).toBeInTheDocument();
    const table = screen.getByRole("table", { name: /Uppdrag för Anna Andersson/ });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(within(rows[0]).getByText("Representant")).toBeInTheDocument();
    expect(within(rows[0]).getByText("Pågår")).toBeInTheDocument();
    expect(within(rows[1]).getByText("Ersättare")).toBeInTheDocument();
    expect(within(rows[1]).getByText("Avslutat")).toBeInTheDocument();
  });

  it("asks before removing and shows the refusal while appointments exist", async () => {
    const message = "Anna Andersson kan inte tas bort: personen har 2 uppdrag.";
    let removes = 0;
    setup({ remove_person: () => { removes++; throw { code: "in_use", message }; } });
    await screen.findByRole("heading", { level: 1, name: "Anna Andersson" });
    await fireEvent.click(screen.getByRole("button", { name: "Ta bort personen" }));
    expect(removes).toBe(0);
    const dialog = screen.getByRole("dialog", { name: "Ta bort personen?" });
    await fireEvent.click(within(dialog).getByRole("button", { name: "Ta bort" }));
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(removes).toBe(1);
  });
});
