import { beforeEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import Organisations from "./Organisations.svelte";
import { initLanguage } from "../lib/i18n/index.svelte";
import { memorySettings } from "../lib/settings";
import { navigate } from "../lib/router.svelte";
import { GROUPS, ORGS, falunDetail } from "../components/register/testdata";

type Args = Record<string, unknown>;

function setup(overrides: Record<string, (args: Args) => unknown> = {}) {
  const calls: { cmd: string; args: Args }[] = [];
  mockIPC((cmd, args) => {
    calls.push({ cmd, args: (args ?? {}) as Args });
    if (overrides[cmd]) return overrides[cmd]((args ?? {}) as Args);
    switch (cmd) {
      case "org_page": {
        // What the core does: filter, sort (kinds by their Swedish names), cut a page.
        const { query: q, sort, descending, page } = args as {
          query: { text?: string | null; kind?: string | null };
          sort: string;
          descending: boolean;
          page: { offset: number; limit: number };
        };
        const kindName: Record<string, string> = { municipality: "Kommun", region: "Region", university: "Lärosäte", non_profit: "Ideell organisation" };
        const rows = ORGS.filter(
          (o) =>
            (!q.text || o.name.toLowerCase().includes(q.text.toLowerCase()) ||
              (o.short_name ?? "").toLowerCase().includes(q.text.toLowerCase())) &&
            (!q.kind || o.kind === q.kind),
        ).sort((a, b) => {
          const by = sort === "kind" ? kindName[a.kind].localeCompare(kindName[b.kind], "sv") : a.name.localeCompare(b.name, "sv");
          return (descending ? -by : by) || a.name.localeCompare(b.name, "sv");
        });
        return { total: rows.length, offset: page.offset, rows: rows.slice(page.offset, page.offset + page.limit) };
      }
      case "list_groups":
        return GROUPS;
      case "today":
        return "2025-06-01";
      case "org_detail":
        return falunDetail();
      case "list_people":
        return [];
      case "register_info":
        return { path: "/tmp/x", network_name: "MVK", organisations: 5, people: 0, groups: 2, appointments: 0 };
      default:
        return null;
    }
  });
  initLanguage(memorySettings());
  render(Organisations, { focusOnMount: false });
  return calls;
}

const names = () =>
  screen.getAllByRole("row").slice(1).map((r) => within(r).getAllByRole("cell")[0].textContent?.trim());

describe("Organisations list", () => {
  beforeEach(() => navigate("organisations"));

  it("lists the organisations sorted by name with links to their pages and a count", async () => {
    setup();
    expect(await screen.findByRole("link", { name: "Falu kommun" })).toHaveAttribute("href", "#/organisations/1");
    expect(names()).toEqual(["Avesta kommun", "Falu kommun", "Högskolan Dalarna", "Kvinnojouren Kullan", "Region Dalarna"]);
    expect(screen.getByTestId("org-count")).toHaveTextContent("5 organisationer visas");
    expect(screen.getAllByRole("cell", { name: "Kommun" })).toHaveLength(2);
    expect(screen.getByRole("cell", { name: "Lärosäte" })).toBeInTheDocument();
  });

  it("filters by text (debounced) through the core's query", async () => {
    const calls = setup();
    await screen.findByRole("link", { name: "Falu kommun" });
    await fireEvent.input(screen.getByRole("searchbox", { name: "Sök" }), { target: { value: "hda" } });
    await waitFor(() => expect(names()).toEqual(["Högskolan Dalarna"]));
    expect(screen.getByTestId("org-count")).toHaveTextContent("1 organisation visas");
    expect(calls.some((c) => c.cmd === "org_page" && (c.args.query as { text: string }).text === "hda")).toBe(true);
  });

  it("filters by kind", async () => {
    setup();
    await screen.findByRole("link", { name: "Falu kommun" });
    await fireEvent.change(screen.getByRole("combobox", { name: "Typ" }), { target: { value: "region" } });
    await waitFor(() => expect(names()).toEqual(["Region Dalarna"]));
  });

  it("sorts by a column with a button (in the core) and shows it with aria-sort", async () => {
    const calls = setup();
    await screen.findByRole("link", { name: "Falu kommun" });
    const nameHeader = screen.getByRole("columnheader", { name: /Namn/ });
    expect(nameHeader).toHaveAttribute("aria-sort", "ascending");
    await fireEvent.click(within(nameHeader).getByRole("button"));
    expect(nameHeader).toHaveAttribute("aria-sort", "descending");
    await waitFor(() => expect(names()[0]).toBe("Region Dalarna"));
    expect(calls.at(-1)).toMatchObject({ cmd: "org_page", args: { sort: "name", descending: true } });
    const kindHeader = screen.getByRole("columnheader", { name: /Typ/ });
    await fireEvent.click(within(kindHeader).getByRole("button"));
    expect(kindHeader).toHaveAttribute("aria-sort", "ascending");
    expect(nameHeader).toHaveAttribute("aria-sort", "none");
    await waitFor(() => expect(names()[0]).toBe("Kvinnojouren Kullan")); // Ideell organisation
  });
});

describe("Organisation detail", () => {
  beforeEach(() => navigate("organisations", 1));

  it("shows the data, principal, contacts and the seats with periods and protected badge", async () => {
    setup();
    expect(await screen.findByRole("heading", { level: 1, name: "Falu kommun" })).toBeInTheDocument();
    expect(screen.getByText("212000-2080")).toBeInTheDocument();
    expect(screen.getByText("Pia Chef")).toBeInTheDocument();
    // A protected internal contact carries the badge, as a protected person does.
    expect(screen.getByRole("cell", { name: "Sara Skol Skyddade personuppgifter" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 3, name: /Länsgruppen MVK/ })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Anna Andersson" })).toHaveAttribute("href", "#/people/10");
    expect(screen.getAllByRole("img", { name: "Skyddade personuppgifter" }).length).toBeGreaterThan(0);
    expect(screen.getByText("Mandattiden har gått ut")).toBeInTheDocument();
    expect(screen.getByText("från 2024-01-01, tills vidare")).toBeInTheDocument();
    expect(screen.getByText("Cecilia Ek")).toBeInTheDocument();
    expect(screen.getByText("2020-01-01 – 2023-12-31 (sista dag)")).toBeInTheDocument();
  });

  it("asks before removing and shows the core's in_use refusal", async () => {
    const message = "Falu kommun kan inte tas bort: den har 3 uppdrag. Avsluta dem först.";
    let removeCalls = 0;
    setup({
      remove_org: () => {
        removeCalls++;
        throw { code: "in_use", message };
      },
    });
    await screen.findByRole("heading", { level: 1, name: "Falu kommun" });
    await fireEvent.click(screen.getByRole("button", { name: "Ta bort organisationen" }));
    const dialog = screen.getByRole("dialog", { name: "Ta bort organisationen?" });
    expect(removeCalls).toBe(0);
    await fireEvent.click(within(dialog).getByRole("button", { name: "Ta bort" }));
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(removeCalls).toBe(1);
    expect(screen.getByRole("heading", { level: 1, name: "Falu kommun" })).toBeInTheDocument();
  });

  it("cancelling the question removes nothing", async () => {
    let removeCalls = 0;
    setup({ remove_org: () => { removeCalls++; return null; } });
    await screen.findByRole("heading", { level: 1, name: "Falu kommun" });
    await fireEvent.click(screen.getByRole("button", { name: "Ta bort organisationen" }));
    const dialog = screen.getByRole("dialog", { name: "Ta bort organisationen?" });
    await fireEvent.click(within(dialog).getByRole("button", { name: "Avbryt" }));
    expect(removeCalls).toBe(0);
  });

  it("asks before unseating and calls unseat_org with the group and organisation", async () => {
    const calls = setup({ unseat_org: () => true });
    await screen.findByRole("heading", { level: 1, name: "Falu kommun" });
    await fireEvent.click(screen.getByRole("button", { name: /^Ta bort platsen.*Länsgruppen MVK$/ }));
    const dialog = screen.getByRole("dialog", { name: "Ta bort platsen i gruppen?" });
    await fireEvent.click(within(dialog).getByRole("button", { name: "Ta bort platsen" }));
    await waitFor(() => expect(calls.find((c) => c.cmd === "unseat_org")?.args).toEqual({ groupId: 2, orgId: 1 }));
  });

  it("offers a seat in a group the organisation is not in", async () => {
    const calls = setup({ seat_org: () => true });
    await screen.findByRole("heading", { level: 1, name: "Falu kommun" });
    await fireEvent.change(screen.getByRole("combobox", { name: "Ge plats i en grupp till" }), { target: { value: "1" } });
    await fireEvent.click(screen.getByRole("button", { name: "Ge plats" }));
    await waitFor(() => expect(calls.find((c) => c.cmd === "seat_org")?.args).toEqual({ groupId: 1, orgId: 1 }));
  });
});
