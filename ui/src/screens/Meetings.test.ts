import { describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import Meetings from "./Meetings.svelte";
import { initLanguage, setLanguage } from "../lib/i18n/index.svelte";
import { router } from "../lib/router.svelte";
import { status } from "../lib/status.svelte";
import { memorySettings } from "../lib/settings";
import { county, steering } from "../components/network/testdata";
import type { Meeting } from "../lib/bindings/Meeting";
import type { AttendanceRow } from "../lib/bindings/AttendanceRow";
import type { PlanProposal } from "../lib/bindings/PlanProposal";
import type { Blackout } from "../lib/bindings/Blackout";
import type { BlackoutDraft } from "../lib/bindings/BlackoutDraft";

type Call = { cmd: string; args: Record<string, unknown> };

function meeting(over: Partial<Meeting> = {}): Meeting {
  return {
    id: 5,
    group_id: county.id,
    group_name: county.name,
    date: "2027-02-16",
    start: "09:00",
    end: "12:00",
    place: "Länsstyrelsen, Falun",
    online_link: null,
    agenda: null,
    status: "planned",
    extra: false,
    uid: "abc@samverkan",
    sequence: 0,
    updated_at: "2026-11-22T09:00:00Z",
    ...over,
  };
}

const proposal: PlanProposal = {
  year: 2027,
  groups: [
    {
      group_id: county.id,
      group_name: county.name,
      cadence: 4,
      settings: { group_id: county.id, weekdays: [2, 3, 4], start: "09:00", end: "12:00", place: null, online_link: null },
      existing: [],
      slots: [
        { group_id: county.id, from: "2027-01-01", to: "2027-04-05", date: "2027-02-16" },
        { group_id: county.id, from: "2027-04-06", to: "2027-07-31", date: "2027-05-05" },
      ],
    },
  ],
};

function row(id: number, name: string, org: number, role: AttendanceRow["role"]): AttendanceRow {
  return {
    person_id: id,
    person_name: name,
    person_protected: false,
    organisation_id: org,
    organisation_name: org === 1 ? "Falu kommun" : "Mora kommun",
    role,
    status: null,
    substitute_for: null,
    substitute_for_name: null,
  };
}

function setup(handler: (cmd: string, args: Record<string, unknown>) => unknown = () => undefined) {
  const calls: Call[] = [];
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: a });
    const answer = handler(cmd, a);
    if (answer !== undefined) return answer;
    switch (cmd) {
      case "list_groups":
        return [
          { group: steering, seats: 5, serving: 0 },
          { group: county, seats: 29, serving: 3 },
        ];
      case "today":
        return "2027-01-10";
      case "list_meetings":
        return [meeting(), meeting({ id: 6, date: "2027-05-05", status: "cancelled" })];
      case "propose_plan":
        return proposal;
      case "forbidden_days":
        return [{ date: "2027-06-25", reason: { kind: "de_facto_holiday", holiday: "midsommarafton" }, text: "midsommarafton" }];
      case "apply_plan":
        return (a.meetings as { date: string }[]).map((m, i) => meeting({ id: 10 + i, date: m.date }));
      case "roster_preview":
        return {
          group_id: county.id,
          group_name: county.name,
          day: "2027-01-10",
          meeting_id: null,
          rows: [],
          protected_left_out: 1,
          left_out: [{ person_id: 9, name: "Hanna Skydd" }],
        };
      case "list_people":
        return [];
      case "list_blackouts":
        return [];
      case "organiser":
        return { name: null, email: null };
      case "plugin:dialog|save":
        return "/tmp/roster.csv";
      case "export_roster":
        return { file: "/tmp/roster.csv", items: 3, people: 3, protected_left_out: 0, export_id: 1 };
      default:
        return null;
    }
  });
  initLanguage(memorySettings());
  return calls;
}

describe("Möten, the year view", () => {
  it("lists the year's meetings with weekday, status and a link to each", async () => {
    router.param = null;
    setup();
    render(Meetings, { focusOnMount: false });
    const table = await screen.findByRole("table", { name: "Möten 2027" });
    const first = within(table).getByRole("row", { name: /2027-02-16/ });
    expect(first).toHaveTextContent("tisdag");
    expect(first).toHaveTextContent("Planerat");
    expect(within(first).getByRole("link", { name: "Öppna mötet 2027-02-16" })).toHaveAttribute("href", "#/meetings/5");
    expect(within(table).getByRole("row", { name: /2027-05-05/ })).toHaveTextContent("Inställt");
  });

  it("proposes, refuses a forbidden moved date, and applies the moved plan", async () => {
    router.param = null;
    const calls = setup();
    render(Meetings, { focusOnMount: false });
    await screen.findByRole("table", { name: "Möten 2027" });
    await fireEvent.click(screen.getByRole("button", { name: "Planera året …" }));
    const dialog = await screen.findByRole("dialog", { name: "Planera 2027" });
    const second = await within(dialog).findByRole("textbox", { name: "Datum för Länsgruppen MVK, möte 2" });
    expect(second).toHaveValue("2027-05-05");
    await fireEvent.input(second, { target: { value: "2027-06-25" } });
    expect(await within(dialog).findByText("2027-06-25 går inte: midsommarafton")).toBeInTheDocument();
    const save = within(dialog).getByRole("button", { name: "Spara 2 möten" });
    expect(save).toBeDisabled();
    await fireEvent.input(second, { target: { value: "2027-05-12" } });
    expect(save).toBeEnabled();
    await fireEvent.click(save);
    await waitFor(() => expect(calls.some((c) => c.cmd === "apply_plan")).toBe(true));
    const applied = calls.find((c) => c.cmd === "apply_plan");
    expect(applied?.args).toEqual({
      year: 2027,
      meetings: [
        { group_id: county.id, date: "2027-02-16" },
        { group_id: county.id, date: "2027-05-12" },
      ],
    });
  });

  it("exports a roster with a protected person only when ticked for that export", async () => {
    router.param = null;
    const calls = setup();
    render(Meetings, { focusOnMount: false });
    await within(screen.getByTestId("meet-group")).findByRole("option", { name: county.name });
    await fireEvent.change(screen.getByTestId("meet-group"), { target: { value: String(county.id) } });
    const panel = await screen.findByTestId("export-panel");
    const box = await within(panel).findByRole("checkbox", { name: "Ta med Hanna Skydd i denna export" });
    await fireEvent.click(box);
    await fireEvent.click(within(panel).getByRole("button", { name: "Deltagarlista (CSV)" }));
    await waitFor(() => expect(calls.some((c) => c.cmd === "export_roster")).toBe(true));
    const exported = calls.find((c) => c.cmd === "export_roster");
    expect(exported?.args).toMatchObject({ groupId: county.id, format: "csv", path: "/tmp/roster.csv", include: [9] });
    await waitFor(() => expect(box).not.toBeChecked());
  });

  it("adds an extra meeting through the form and shows the core's refusal as is", async () => {
    router.param = null;
    let first = true;
    const calls = setup((cmd) => {
      if (cmd === "add_meeting" && first) {
        first = false;
        throw { code: "invalid", message: "Ogiltigt värde för sluttid: mötet måste sluta efter att det börjar.", field: "end" };
      }
      if (cmd === "add_meeting") return meeting({ id: 30, date: "2027-03-03", extra: true });
      return undefined;
    });
    render(Meetings, { focusOnMount: false });
    await within(screen.getByTestId("meet-group")).findByRole("option", { name: county.name });
    await fireEvent.click(screen.getByTestId("meet-add"));
    const form = await screen.findByTestId("meeting-form");
    await fireEvent.change(within(form).getByRole("combobox", { name: "Grupp" }), { target: { value: String(county.id) } });
    await fireEvent.input(within(form).getByRole("textbox", { name: "Datum" }), { target: { value: "2027-03-03" } });
    await fireEvent.input(within(form).getByRole("textbox", { name: /Starttid/ }), { target: { value: "13:00" } });
    await fireEvent.input(within(form).getByRole("textbox", { name: /Sluttid/ }), { target: { value: "12:00" } });
    await fireEvent.click(within(form).getByRole("button", { name: "Spara" }));
    expect(await within(form).findByText(/mötet måste sluta efter att det börjar/)).toBeInTheDocument();
    await fireEvent.input(within(form).getByRole("textbox", { name: /Sluttid/ }), { target: { value: "15:00" } });
    await fireEvent.click(within(form).getByRole("button", { name: "Spara" }));
    await waitFor(() => expect(calls.filter((c) => c.cmd === "add_meeting").length).toBe(2));
    expect(calls.filter((c) => c.cmd === "add_meeting")[1].args).toEqual({
      draft: {
        group_id: county.id,
        date: "2027-03-03",
        start: "13:00",
        end: "15:00",
        place: null,
        online_link: null,
        agenda: null,
        extra: true,
        status: null,
      },
    });
  });

  it("warns about a day the planner avoids and saves it when asked to", async () => {
    router.param = null;
    const calls = setup((cmd, a) => {
      if (cmd === "meeting_day_warning" && a.date === "2027-03-25") {
        return {
          date: "2027-03-25",
          reason: { kind: "de_facto_holiday", holiday: "skartorsdagen" },
          text: "Planeraren undviker 2027-03-25: skärtorsdagen.",
        };
      }
      if (cmd === "add_meeting") return meeting({ id: 31, date: "2027-03-25", extra: true });
      return undefined;
    });
    render(Meetings, { focusOnMount: false });
    await within(screen.getByTestId("meet-group")).findByRole("option", { name: county.name });
    await fireEvent.click(screen.getByTestId("meet-add"));
    const form = await screen.findByTestId("meeting-form");
    await fireEvent.change(within(form).getByRole("combobox", { name: "Grupp" }), { target: { value: String(county.id) } });
    await fireEvent.input(within(form).getByRole("textbox", { name: "Datum" }), { target: { value: "2027-03-25" } });
    await fireEvent.click(within(form).getByRole("button", { name: "Spara" }));
    const warning = await within(form).findByTestId("meeting-day-warning");
    expect(warning).toHaveTextContent("Planeraren undviker 2027-03-25: skärtorsdagen. Du kan spara mötet ändå.");
    expect(calls.find((c) => c.cmd === "meeting_day_warning")?.args).toEqual({ groupId: county.id, date: "2027-03-25" });
    expect(calls.some((c) => c.cmd === "add_meeting")).toBe(false);
    await fireEvent.click(within(form).getByRole("button", { name: "Spara ändå" }));
    await waitFor(() => expect(calls.filter((c) => c.cmd === "add_meeting").length).toBe(1));
    expect((calls.find((c) => c.cmd === "add_meeting")?.args.draft as { date: string }).date).toBe("2027-03-25");
  });

  it("takes the warning away when another day is typed", async () => {
    router.param = null;
    setup((cmd, a) => {
      if (cmd === "meeting_day_warning" && a.date === "2027-04-30") {
        return {
          date: "2027-04-30",
          reason: { kind: "de_facto_holiday", holiday: "valborgsmassoafton" },
          text: "Planeraren undviker 2027-04-30: valborgsmässoafton.",
        };
      }
      return undefined;
    });
    render(Meetings, { focusOnMount: false });
    await within(screen.getByTestId("meet-group")).findByRole("option", { name: county.name });
    await fireEvent.click(screen.getByTestId("meet-add"));
    const form = await screen.findByTestId("meeting-form");
    await fireEvent.change(within(form).getByRole("combobox", { name: "Grupp" }), { target: { value: String(county.id) } });
    const dateBox = within(form).getByRole("textbox", { name: "Datum" });
    await fireEvent.input(dateBox, { target: { value: "2027-04-30" } });
    await fireEvent.click(within(form).getByRole("button", { name: "Spara" }));
    await within(form).findByTestId("meeting-day-warning");
    await fireEvent.input(dateBox, { target: { value: "2027-04-28" } });
    await waitFor(() => expect(within(form).queryByTestId("meeting-day-warning")).toBeNull());
    expect(within(form).getByRole("button", { name: "Spara" })).toBeInTheDocument();
  });

  it("saves a group's planning weekdays and time", async () => {
    router.param = null;
    const calls = setup((cmd, a) => {
      if (cmd === "plan_settings") {
        return { group_id: county.id, weekdays: [2, 3, 4], start: "09:00", end: "12:00", place: null, online_link: null };
      }
      if (cmd === "set_plan_settings") return (a as { settings: unknown }).settings;
      return undefined;
    });
    render(Meetings, { focusOnMount: false });
    await within(screen.getByTestId("meet-group")).findByRole("option", { name: county.name });
    await fireEvent.change(screen.getByTestId("meet-group"), { target: { value: String(county.id) } });
    const panel = await screen.findByTestId("plan-settings");
    await fireEvent.click(await within(panel).findByRole("checkbox", { name: "fredag" }));
    await fireEvent.input(within(panel).getByRole("textbox", { name: "Starttid" }), { target: { value: "13:00" } });
    await fireEvent.click(within(panel).getByRole("button", { name: "Spara" }));
    await waitFor(() => expect(calls.some((c) => c.cmd === "set_plan_settings")).toBe(true));
    expect(calls.find((c) => c.cmd === "set_plan_settings")?.args).toEqual({
      settings: { group_id: county.id, weekdays: [2, 3, 4, 5], start: "13:00", end: "12:00", place: null, online_link: null },
    });
  });

  it("plans around a blocked period added in the screen: the wizard asks the core afresh", async () => {
    router.param = null;
    let blackouts: Blackout[] = [];
    const calls = setup((cmd, a) => {
      if (cmd === "list_blackouts") return blackouts;
      if (cmd === "add_blackout") {
        const b = { id: 4, ...(a.draft as BlackoutDraft) };
        blackouts = [b];
        return b;
      }
      if (cmd === "forbidden_days") {
        return blackouts.length === 0
          ? []
          : [{ date: "2027-03-02", reason: { kind: "blackout", label: "Sportlov v. 9" }, text: "spärrperiod: Sportlov v. 9" }];
      }
      return undefined;
    });
    render(Meetings, { focusOnMount: false });
    await screen.findByRole("table", { name: "Möten 2027" });
    const form = screen.getByTestId("blackout-form");
    await fireEvent.input(within(form).getByRole("textbox", { name: /Benämning/ }), { target: { value: "Sportlov v. 9" } });
    await fireEvent.input(within(form).getByRole("textbox", { name: /Från och med/ }), { target: { value: "2027-03-01" } });
    await fireEvent.input(within(form).getByRole("textbox", { name: /Till och med/ }), { target: { value: "2027-03-07" } });
    await fireEvent.click(within(form).getByRole("button", { name: "Lägg till spärrperioden" }));
    expect(await screen.findByText("Spärrperioder (1)")).toBeInTheDocument();
    const added = calls.findIndex((c) => c.cmd === "add_blackout");

    await fireEvent.click(screen.getByRole("button", { name: "Planera året …" }));
    const dialog = await screen.findByRole("dialog", { name: "Planera 2027" });
    const first = await within(dialog).findByRole("textbox", { name: "Datum för Länsgruppen MVK, möte 1" });
    expect(calls.findIndex((c, i) => i > added && c.cmd === "forbidden_days")).toBeGreaterThan(added);
    expect(calls.findIndex((c, i) => i > added && c.cmd === "propose_plan")).toBeGreaterThan(added);
    await fireEvent.input(first, { target: { value: "2027-03-02" } });
    expect(await within(dialog).findByText("2027-03-02 går inte: spärrperiod: Sportlov v. 9")).toBeInTheDocument();
  });

  it("is in English after a language switch", async () => {
    router.param = null;
    setup();
    setLanguage("en", memorySettings());
    render(Meetings, { focusOnMount: false });
    expect(await screen.findByRole("table", { name: "Meetings 2027" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Plan the year …" })).toBeInTheDocument();
  });
});

describe("Möten, a meeting's attendance", () => {
  it("takes attendance with one key per status, and the substitute key marks the substitute for the representative", async () => {
    router.param = "5";
    let rows = [row(1, "Anna Berg", 1, "representative"), row(2, "Erik Lund", 1, "substitute"), row(3, "Mia Ek", 2, "representative")];
    const calls = setup((cmd, a) => {
      if (cmd === "meeting_attendance") return { meeting: meeting(), rows };
      if (cmd === "set_attendance") {
        rows = rows.map((r) =>
          r.person_id === a.personId
            ? { ...r, status: a.status as AttendanceRow["status"], substitute_for: (a.substituteFor as number | null) ?? null, substitute_for_name: a.substituteFor === 1 ? "Anna Berg" : null }
            : r,
        );
        return { meeting: meeting(), rows };
      }
      return undefined;
    });
    render(Meetings, { focusOnMount: false });
    const table = await screen.findByTestId("attendance-table");
    // Rows by their data attribute: role queries over a table full of buttons are slow in jsdom.
    const rowOf = (name: string) => table.querySelector<HTMLElement>(`tr[data-person="${name}"]`) as HTMLElement;
    await fireEvent.keyDown(rowOf("Mia Ek"), { key: "a" });
    await waitFor(() => expect(rowOf("Mia Ek")).toHaveTextContent("Anmält förhinder"));
    await fireEvent.keyDown(rowOf("Anna Berg"), { key: "e" });
    await waitFor(() => expect(rowOf("Erik Lund")).toHaveTextContent("Närvarande (i stället för Anna Berg)"));
    await fireEvent.keyDown(rowOf("Anna Berg"), { key: "x" });
    const sets = calls.filter((c) => c.cmd === "set_attendance").map((c) => c.args);
    expect(sets).toEqual([
      { meetingId: 5, personId: 3, status: "excused", substituteFor: null },
      { meetingId: 5, personId: 2, status: "present", substituteFor: 1 },
    ]);
    router.param = null;
  });
  it("prints the attendance list to sign for the meeting, with a protected person only when ticked", async () => {
    router.param = "5";
    const calls = setup((cmd) => {
      if (cmd === "meeting_attendance") return { meeting: meeting(), rows: [row(1, "Anna Berg", 1, "representative")] };
      if (cmd === "plugin:dialog|save") return "/tmp/narvaro.pdf";
      if (cmd === "export_attendance_list") return { file: "/tmp/narvaro.pdf", items: 2, people: 2, protected_left_out: 0, export_id: 4 };
      return undefined;
    });
    status.messages = [];
    render(Meetings, { focusOnMount: false });
    const panel = await screen.findByTestId("export-panel");
    const box = await within(panel).findByRole("checkbox", { name: "Ta med Hanna Skydd i denna export" });
    await fireEvent.click(box);
    await fireEvent.click(within(panel).getByRole("button", { name: "Närvarolista för underskrift (PDF)" }));
    await waitFor(() => expect(calls.some((c) => c.cmd === "export_attendance_list")).toBe(true));
    expect(calls.filter((c) => c.cmd === "export_attendance_list").map((c) => c.args)).toEqual([
      { meetingId: 5, path: "/tmp/narvaro.pdf", include: [9] },
    ]);
    const dialog = calls.find((c) => c.cmd === "plugin:dialog|save")?.args as { options: { filters: unknown } };
    expect(dialog.options.filters).toEqual([{ name: "PDF-dokument", extensions: ["pdf"] }]);
    await waitFor(() => expect(status.messages.some((m) => m.text === "2 rader sparade i /tmp/narvaro.pdf.")).toBe(true));
    await waitFor(() => expect(box).not.toBeChecked());
    router.param = null;
  });
});
