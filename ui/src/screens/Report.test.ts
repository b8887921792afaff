import { afterEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import Report from "./Report.svelte";
import { initLanguage } from "../lib/i18n/index.svelte";
import { memorySettings } from "../lib/settings";
import { status } from "../lib/status.svelte";
import { county } from "../components/network/testdata";

const counts = (r: number, s: number, e: number, a: number, n: number) => ({
  representative: r,
  substitute: s,
  excused: e,
  absent: a,
  not_recorded: n,
});

const figures = (year: number) => ({
  year,
  from: `${year}-01-01`,
  until: `${year}-12-31`,
  meetings: { total: 5, planned: 1, held: 2, cancelled: 1, extra: 1, cadence: 4 },
  meeting_rows: [
    { meeting_id: 1, date: `${year}-03-10`, extra: false, invited: 2, counts: counts(1, 1, 0, 0, 0) },
    { meeting_id: 2, date: `${year}-06-09`, extra: false, invited: 1, counts: counts(0, 0, 1, 0, 0) },
  ],
  organisations: [
    { organisation_id: 5, name: "Falu kommun", kind: "municipality", invited: 2, counts: counts(1, 0, 1, 0, 0), share_present: 0.5 },
    { organisation_id: 6, name: "Kvinnojouren", kind: "non_profit", invited: 1, counts: counts(0, 1, 0, 0, 0), share_present: 1 },
  ],
  kinds: [
    { kind: "municipality", organisations: 1, invited: 2, counts: counts(1, 0, 1, 0, 0), share_present: 0.5 },
    { kind: "non_profit", organisations: 1, invited: 1, counts: counts(0, 1, 0, 0, 0), share_present: 1 },
  ],
  cells: [
    { meeting_id: 1, date: `${year}-03-10`, organisation_id: 5, presence: "representative" },
    { meeting_id: 1, date: `${year}-03-10`, organisation_id: 6, presence: "substitute" },
    { meeting_id: 2, date: `${year}-06-09`, organisation_id: 5, presence: "excused" },
  ],
  coverage: {
    days: 365,
    seats: [
      { seat_id: 1, position: 1, role: "representative", organisation_id: 5, description: "Falu kommun", days_empty: 45, empty_at_end: false },
      { seat_id: 2, position: 2, role: "substitute", organisation_id: 5, description: "Falu kommun", days_empty: 0, empty_at_end: false },
    ],
    organisations_with_seats: 2,
    organisations_covered: 1,
    seat_days_empty: 45,
    seats_empty_at_end: 0,
    filled_by_month: [],
    // Both seats held but for 45 days from 1 April (day 90).
    filled_by_day: Array.from({ length: 365 }, (_, i) => (i >= 90 && i < 135 ? 1 : 2)),
    filled_average: (365 * 2 - 45) / 365,
  },
  turnover: { started: 1, ended: 1, representatives_replaced: 1, average_days_in_seat: 914.3, serving_at_end: 3 },
  forms: { organisations: 2, signed: 1, printed_not_returned: 1, needs_new_signature: 0, not_printed: 0 },
});

function yearReport(year: number, compare: number | null) {
  return {
    year,
    compare_year: compare,
    network_name: "MVK",
    texts: [
      { section: "results", heading: "Resultat och effekter", text: "" },
      { section: "analysis", heading: "Analys", text: "" },
      { section: "needs", heading: "Regionala och lokala behov", text: "Fler lokala grupper." },
      { section: "priorities", heading: "Prioriteringar för nästa år", text: "" },
    ],
    working_groups: {
      current: {
        year,
        from: `${year}-01-01`,
        until: `${year}-12-31`,
        groups: [
          {
            group_id: 9,
            name: "RC Heder",
            formed_on: `${year}-02-01`,
            formed_in_year: true,
            members: 3,
            members_at_end: 2,
            organisations: 3,
            meetings: { total: 3, planned: 0, held: 2, cancelled: 1, extra: 0, cadence: 4 },
          },
        ],
        active: 1,
        formed: 1,
        members: 3,
        meetings_held: 2,
      },
      previous: null,
      figures: [
        {
          key: "working.members",
          label: "Ledamöter i arbetsgrupper",
          value: 3,
          previous: compare === null ? null : 1,
          change: compare === null ? null : 2,
          unit: "count",
          explanation: "Personer med uppdrag i någon arbetsgrupp.",
        },
      ],
    },
    groups: [
      {
        group_id: 2,
        group_name: "Länsgruppen MVK",
        current: figures(year),
        previous: compare === null ? null : figures(compare),
        figures: [
          {
            key: "meetings.held",
            label: "Genomförda möten",
            value: 2,
            previous: compare === null ? null : 4,
            change: compare === null ? null : -2,
            unit: "count",
            explanation: "Möten markerade som genomförda.",
          },
          {
            key: "attendance.share",
            label: "Närvaro",
            value: 0.75,
            previous: compare === null ? null : 0.5,
            change: compare === null ? null : 0.25,
            unit: "share",
            explanation: "Andel av kallelserna.",
          },
        ],
      },
    ],
  };
}

type Call = { cmd: string; args: Record<string, unknown> };

const wording = [
  { section: "results", heading: "Resultat och effekter" },
  { section: "analysis", heading: "Analys" },
  { section: "needs", heading: "Regionala och lokala behov" },
  { section: "priorities", heading: "Prioriteringar för nästa år" },
];

function setup(calls: Call[]) {
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: a });
    switch (cmd) {
      case "today":
        return "2027-01-20";
      case "list_groups":
        return [{ group: county, seats: 20, seat_count: 40, vacant: 2, serving: 38 }];
      case "year_report":
        return yearReport(a.year as number, (a.compare as number | null) ?? null);
      case "set_report_text":
        return yearReport(a.year as number, null).texts.map((x) =>
          x.section === a.section ? { ...x, text: a.text as string } : x,
        );
      case "report_wording":
        return { sections: wording.map((h) => ({ ...h })) };
      case "set_report_wording": {
        const w = a.wording as { sections: { section: string; heading: string }[] } | null;
        return w ?? { sections: wording.map((h) => ({ ...h })) };
      }
      case "save_year_report":
        return { file: a.path, format: a.format, bytes: 1234, export_id: 7 };
      default:
        return null;
    }
  });
  initLanguage(memorySettings());
  render(Report, { focusOnMount: false });
}

afterEach(() => {
  delete window.__samverkanTestPaths;
});

describe("Report", () => {
  it("shows last year's figures beside the year before, the grid in letters and the bars", async () => {
    const calls: Call[] = [];
    setup(calls);
    const table = await screen.findByTestId("report-figures");
    const held = within(table).getByRole("row", { name: /Genomförda möten/ });
    const cells = (row: HTMLElement) => within(row).getAllByRole("cell").map((c) => c.textContent?.trim());
    expect(cells(held)).toEqual(["2", "4", "-2", "Möten markerade som genomförda."]);
    expect(cells(within(table).getByRole("row", { name: /Närvaro/ }))).toEqual(["75 %", "50 %", "+25", "Andel av kallelserna."]);
    expect(calls.find((c) => c.cmd === "year_report")?.args).toEqual({ year: 2026, groupId: null, compare: 2025 });

    const grid = screen.getByTestId("report-grid");
    expect(within(grid).getByLabelText("Falu kommun 2026-03-10: Representant närvarande")).toHaveTextContent("R");
    expect(within(grid).getByLabelText("Kvinnojouren 2026-03-10: Ersättare i representantens ställe")).toHaveTextContent(
      "E",
    );
    expect(within(grid).getByLabelText("Kvinnojouren 2026-06-09: inte kallad")).toHaveTextContent("");
    expect(screen.getByRole("img", { name: "Närvaro per organisationstyp" })).toHaveTextContent("Kommun");
  });

  it("asks again for another year or group, without the comparison when it is turned off", async () => {
    const calls: Call[] = [];
    setup(calls);
    await screen.findByTestId("report-figures");
    await fireEvent.change(screen.getByTestId("report-group"), { target: { value: "2" } });
    await fireEvent.click(screen.getByRole("checkbox", { name: "Jämför med 2025" }));
    await waitFor(() =>
      expect(calls.filter((c) => c.cmd === "year_report").at(-1)?.args).toEqual({ year: 2026, groupId: 2, compare: null }),
    );
    await waitFor(() => expect(screen.getByTestId("report-figures")).not.toHaveTextContent("2025"));
  });

  it("saves the PDF and the workbook where the save dialog says", async () => {
    const calls: Call[] = [];
    setup(calls);
    await screen.findByTestId("report-figures");
    window.__samverkanTestPaths = { save: "/home/k/arsrapport-2026.pdf" };
    await fireEvent.click(screen.getByRole("button", { name: "Spara PDF" }));
    await waitFor(() => expect(calls.some((c) => c.cmd === "save_year_report")).toBe(true));
    expect(calls.find((c) => c.cmd === "save_year_report")?.args).toEqual({
      year: 2026,
      groupId: null,
      compare: 2025,
      format: "pdf",
      path: "/home/k/arsrapport-2026.pdf",
    });
    await waitFor(() =>
      expect(status.messages.map((m) => m.text)).toContain("Årsrapporten är sparad: /home/k/arsrapport-2026.pdf"),
    );
    window.__samverkanTestPaths = { save: "/home/k/arsrapport-2026.xlsx" };
    await fireEvent.click(screen.getByRole("button", { name: "Spara Excel" }));
    await waitFor(() =>
      expect(calls.filter((c) => c.cmd === "save_year_report").at(-1)?.args).toMatchObject({ format: "xlsx" }),
    );
  });

  it("keeps the year's text sections and saves the one edited", async () => {
    const calls: Call[] = [];
    setup(calls);
    const needs = await screen.findByLabelText("Regionala och lokala behov");
    expect(needs).toHaveValue("Fler lokala grupper.");
    const results = screen.getByLabelText("Resultat och effekter");
    const save = screen.getByRole("button", { name: "Spara Resultat och effekter" });
    expect(save).toBeDisabled();
    await fireEvent.input(results, { target: { value: "Två nya kommuner deltar." } });
    expect(save).toBeEnabled();
    await fireEvent.click(save);
    await waitFor(() =>
      expect(calls.find((c) => c.cmd === "set_report_text")?.args).toEqual({
        year: 2026,
        section: "results",
        text: "Två nya kommuner deltar.",
      }),
    );
    await waitFor(() => expect(status.messages.map((m) => m.text)).toContain("Sparat: Resultat och effekter"));
    await waitFor(() => expect(save).toBeDisabled());
  });

  it("shows the working groups and the seats held over the year as a line", async () => {
    setup([]);
    const working = await screen.findByTestId("report-working");
    const row = within(working).getByRole("row", { name: /RC Heder/ });
    expect(within(row).getAllByRole("cell").map((c) => c.textContent?.trim())).toEqual([
      "2026-02-01 (ny)",
      "3",
      "2",
      "3",
      "2",
      "0",
      "1",
    ]);
    expect(within(working).getByRole("row", { name: /Ledamöter i arbetsgrupper/ })).toHaveTextContent("+2");
    const line = screen.getByRole("img", { name: /Besatta platser dag för dag/ });
    expect(line.getAttribute("aria-label")).toBe(
      "Besatta platser dag för dag 2026-01-01 – 2026-12-31: i snitt 1.9 av 2, 2 den första dagen, 2 den sista.",
    );
    const current = line.querySelector("path.current")?.getAttribute("d") ?? "";
    expect(current.match(/V/g)?.length).toBe(2); // down on 1 April, up again on 16 May
    expect(line.querySelector("path.previous")).not.toBeNull();
  });

  it("saves the sections' headings and order, and shows the texts in that order", async () => {
    const calls: Call[] = [];
    setup(calls);
    await screen.findByLabelText("Regionala och lokala behov");
    await fireEvent.click(screen.getByText("Rubriker och ordning"));
    const save = screen.getByRole("button", { name: "Spara rubriker och ordning" });
    expect(save).toBeDisabled();
    await fireEvent.click(screen.getByRole("button", { name: "Flytta Regionala och lokala behov upp" }));
    await fireEvent.input(screen.getByLabelText("Rubrik för avsnitt 2"), { target: { value: "Behov i länet" } });
    await fireEvent.click(save);
    await waitFor(() =>
      expect(calls.find((c) => c.cmd === "set_report_wording")?.args).toEqual({
        wording: {
          sections: [
            { section: "results", heading: "Resultat och effekter" },
            { section: "needs", heading: "Behov i länet" },
            { section: "analysis", heading: "Analys" },
            { section: "priorities", heading: "Prioriteringar för nästa år" },
          ],
        },
      }),
    );
    await waitFor(() => expect(screen.getByLabelText("Behov i länet")).toHaveValue("Fler lokala grupper."));
    const labels = [...document.querySelectorAll(".report-text label")].map((l) => l.textContent);
    expect(labels).toEqual(["Resultat och effekter", "Behov i länet", "Analys", "Prioriteringar för nästa år"]);
    await fireEvent.click(screen.getByRole("button", { name: "Återställ standard" }));
    await waitFor(() =>
      expect(calls.filter((c) => c.cmd === "set_report_wording").at(-1)?.args).toEqual({ wording: null }),
    );
  });
});
