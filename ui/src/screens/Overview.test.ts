import { describe, expect, it } from "vitest";
import { render, screen, within } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import Overview from "./Overview.svelte";
import { initLanguage } from "../lib/i18n/index.svelte";
import { memorySettings } from "../lib/settings";
import { appointment } from "../components/network/testdata";
import type { Vacancy } from "../lib/bindings/Vacancy";

const info = {
  path: "/tmp/r.sqlite3",
  network_name: "Nätverket mäns våld mot kvinnor i Dalarna",
  template: "dalarna",
  schema_version: 1,
  organisations: 30,
  people: 2,
  groups: 2,
  appointments: 1,
};

function vacancy(over: Partial<Vacancy>): Vacancy {
  return {
    kind: "missing_representative",
    group_id: 2,
    group_name: "Länsgruppen MVK",
    organisation_id: 5,
    organisation_name: "Falu kommun",
    seat: null,
    appointment: null,
    successor: null,
    ...over,
  };
}

const KINDS = ["missing_representative", "missing_substitute", "empty_seat", "term_expired", "term_ending"] as const;
const zero = () => Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<(typeof KINDS)[number], number>;
const page = <T,>(rows: T[]) => ({ total: rows.length, offset: 0, rows });

/** What the core's `overview` answers for these items (in the core's order), as it groups them. */
function overviewOf(items: Vacancy[]) {
  const counts = zero();
  const groups: { group_id: number; group_name: string; items: Vacancy[] }[] = [];
  for (const v of items) {
    counts[v.kind]++;
    let g = groups.find((x) => x.group_id === v.group_id);
    if (!g) groups.push((g = { group_id: v.group_id, group_name: v.group_name, items: [] }));
    g.items.push(v);
  }
  return {
    info,
    first_steps: { own_details: true, people: true, forms_printed: true, meetings_planned: true },
    within_days: 60,
    counts,
    forms: [],
    groups: groups.map((g) => {
      const c = zero();
      const gaps: { key: string; organisation_id: number | null; organisation_name: string | null; seat: unknown; roles: string[]; successors: unknown[] }[] = [];
      for (const v of g.items) {
        c[v.kind]++;
        if (v.kind === "term_expired" || v.kind === "term_ending") continue;
        const key = v.organisation_id !== null ? `org-${v.organisation_id}` : `seat-${v.seat?.id}`;
        let row = gaps.find((r) => r.key === key);
        if (!row) gaps.push((row = { key, organisation_id: v.organisation_id, organisation_name: v.organisation_name, seat: v.organisation_id === null ? v.seat : null, roles: [], successors: [] }));
        row.roles.push(v.seat?.role ?? (v.kind === "missing_substitute" ? "substitute" : "representative"));
        if (v.successor) row.successors.push(v.successor);
      }
      return {
        group_id: g.group_id,
        group_name: g.group_name,
        counts: c,
        gaps: page(gaps),
        expired: page(g.items.filter((v) => v.kind === "term_expired")),
        ending: page(g.items.filter((v) => v.kind === "term_ending")),
      };
    }),
  };
}

function setup(items: Vacancy[]) {
  const calls: { cmd: string; args: unknown }[] = [];
  mockIPC((cmd, args) => {
    calls.push({ cmd, args });
    if (cmd === "overview") return overviewOf(items);
    return null;
  });
  initLanguage(memorySettings());
  render(Overview, { focusOnMount: false });
  return calls;
}

describe("Overview", () => {
  it("asks for Översikt in one command and shows counts, grouped items and their links", async () => {
    const calls = setup([
      vacancy({ kind: "missing_representative" }),
      vacancy({ kind: "missing_substitute" }),
      vacancy({ kind: "missing_substitute", organisation_id: 6, organisation_name: "Mora kommun" }),
      vacancy({
        kind: "term_expired",
        organisation_id: 8,
        organisation_name: "Region Dalarna",
        appointment: appointment({ person_name: "Cecilia Dahl", to: "2025-12-31", organisation_name: "Region Dalarna" }),
      }),
      vacancy({
        kind: "term_ending",
        organisation_id: 9,
        organisation_name: "Polismyndigheten",
        appointment: appointment({ id: 9, person_name: "David Ek", role: "substitute", to: "2026-09-30" }),
      }),
    ]);

    const table = await screen.findByRole("table", { name: /Platser i Länsgruppen MVK/ });
    // The register's data comes in one answer (ui_ready only tells the start-up probe).
    expect(calls.map((c) => c.cmd).filter((c) => c !== "set_language" && c !== "ui_ready")).toEqual(["overview"]);
    expect(calls.find((c) => c.cmd === "overview")?.args).toEqual({ withinDays: 60 });

    const counts = screen.getByTestId("vacancy-counts");
    expect(counts).toHaveTextContent("1 plats saknar representant");
    expect(counts).toHaveTextContent("2 platser saknar ersättare");
    expect(counts).toHaveTextContent("1 mandattid har gått ut");
    expect(counts).toHaveTextContent("1 mandattid går ut inom 60 dagar");

    // One row per organisation, with what it lacks, linking to its row in the group.
    const falun = within(table).getByRole("row", { name: /Falu kommun/ });
    expect(within(falun).getByText("Representant")).toBeInTheDocument();
    expect(within(falun).getByText("Ersättare")).toBeInTheDocument();
    expect(within(falun).getByRole("link", { name: /^Utse i gruppen\s*för Falu kommun$/ }))
      .toHaveAttribute("href", "#/groups/2?org=5");
    expect(within(falun).getByRole("link", { name: "Falu kommun" }))
      .toHaveAttribute("href", "#/organisations/5");
    const mora = within(table).getByRole("row", { name: /Mora kommun/ });
    expect(within(mora).queryByText("Representant")).not.toBeInTheDocument();

    // Terms: who, in which role, and when.
    expect(screen.getByTestId("terms-expired")).toHaveTextContent(
      "Cecilia Dahl, representant för Region Dalarna",
    );
    expect(screen.getByTestId("terms-expired")).toHaveTextContent("gick ut 2025-12-31");
    expect(screen.getByTestId("terms-ending")).toHaveTextContent("David Ek, ersättare för Polismyndigheten");
    expect(screen.getByRole("link", { name: /^Visa i gruppen\s*\(David Ek\)$/ }))
      .toHaveAttribute("href", "#/groups/2?org=9");

    // And what the register holds.
    expect(screen.getByText("Nätverket mäns våld mot kvinnor i Dalarna")).toBeInTheDocument();
  });

  it("lists the steering group's empty seats after the county group, open seats by what they are for", async () => {
    const open = (id: number, position: number, label: string, kind: "municipality" | null) => ({
      id, group_id: 1, position, role: "member" as const, organisation_id: null, organisation_name: null,
      org_kind: kind, label, active: true,
    });
    setup([
      vacancy({ kind: "missing_representative" }),
      vacancy({ kind: "empty_seat", group_id: 1, group_name: "Styrgrupp MVK", organisation_id: null, organisation_name: null,
        seat: open(31, 6, "Socialchef", "municipality") }),
      vacancy({ kind: "empty_seat", group_id: 1, group_name: "Styrgrupp MVK", organisation_id: null, organisation_name: null,
        seat: open(32, 7, "Socialchef", "municipality"),
        successor: appointment({ person_name: "Sara Lind", from: "2027-01-01", group_id: 1 }) }),
      vacancy({ kind: "empty_seat", group_id: 1, group_name: "Styrgrupp MVK", organisation_id: null, organisation_name: null,
        seat: open(33, 8, "Skola/elevhälsa", null) }),
    ]);
    const steering = await screen.findByRole("table", { name: /Platser i Styrgrupp MVK/ });
    const headings = screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent);
    expect(headings.indexOf("Länsgruppen MVK")).toBeLessThan(headings.indexOf("Styrgrupp MVK"));
    const rows = within(steering).getAllByRole("row").slice(1);
    expect(rows.map((r) => r.querySelector("th")?.textContent?.trim())).toEqual([
      "Socialchef (valfri kommun)",
      "Socialchef (valfri kommun)",
      "Skola/elevhälsa (valfri organisation)",
    ]);
    expect(rows[1]).toHaveTextContent("från 2027-01-01: Sara Lind");
    expect(screen.getByTestId("vacancy-counts")).toHaveTextContent("3 platser står tomma");
  });

  it("shows the reminders to principals from the same one answer", async () => {
    const calls: { cmd: string }[] = [];
    mockIPC((cmd) => {
      calls.push({ cmd });
      if (cmd === "overview") {
        return {
          ...overviewOf([vacancy({ kind: "missing_substitute" })]),
          reminders: {
            within_days: 45,
            letters: {
              total: 1,
              offset: 0,
              rows: [{
                group_id: 2, group_name: "Länsgruppen MVK", organisation_id: 5, organisation_name: "Falu kommun",
                principal: "Maria Chef", email: "maria.chef@falun.se", due: true, last_sent: null,
                seats: [{ seat_id: 1, appointment_id: null, kind: "vacant", role: "substitute", label: null, holder: null,
                  holder_id: null, protected: false, withheld: false, until: null, last_sent: null, recent: false }],
              }],
            },
            due: 1, recent: 0, open_seats: 0, without_email: 0, left_out: [],
          },
        };
      }
      return null;
    });
    initLanguage(memorySettings());
    render(Overview, { focusOnMount: false });
    const section = await screen.findByTestId("reminders-overview");
    expect(section).toHaveTextContent("inom 45 dagar");
    expect(within(section).getByTestId("reminders-due")).toHaveTextContent("1 påminnelse att skicka");
    expect(within(section).getByRole("listitem")).toHaveTextContent("Ersättare: tom");
    expect(calls.map((c) => c.cmd).filter((c) => c !== "set_language" && c !== "ui_ready")).toEqual(["overview"]);
  });

  it("says that all seats are filled when nothing needs attention", async () => {
    setup([]);
    expect(await screen.findByRole("heading", { name: "Alla platser är tillsatta" })).toBeInTheDocument();
    expect(screen.queryByTestId("vacancy-counts")).not.toBeInTheDocument();
  });
});
