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
    seats: [],
    organisations_with_seats: 2,
    organisations_covered: 1,
    seat_days_empty: 45,
    seats_empty_at_end: 0,
    filled_by_month: [],
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
});
