import { describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import ExportPanel from "./ExportPanel.svelte";
import { initLanguage, setLanguage } from "../../lib/i18n/index.svelte";
import { memorySettings } from "../../lib/settings";
import { status } from "../../lib/status.svelte";
import { county } from "../network/testdata";

type Call = { cmd: string; args: Record<string, unknown> };

const LINKS = ["mailto:?bcc=a1@falun.se", "mailto:?bcc=a2@falun.se", "mailto:?bcc=a3@falun.se"];

function setup(meetingId: number | null = null) {
  const calls: Call[] = [];
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: a });
    switch (cmd) {
      case "roster_preview":
        return {
          group_id: county.id,
          group_name: county.name,
          day: "2027-02-16",
          meeting_id: meetingId,
          rows: [],
          protected_left_out: 1,
          left_out: [{ person_id: 9, name: "Hanna Skydd" }],
        };
      case "plugin:dialog|save":
        return "/tmp/lista.pdf";
      case "export_roster":
        return { file: "/tmp/lista.pdf", items: 29, people: 29, protected_left_out: 0, export_id: 3 };
      case "mailing_list":
        return {
          group_name: county.name,
          addresses: ["a1@falun.se", "a2@falun.se", "a3@falun.se"],
          bcc: "a1@falun.se; a2@falun.se; a3@falun.se",
          mailto: LINKS[0],
          mailto_batches: LINKS,
          without_email: [],
          protected_left_out: 0,
          people: [1, 2, 3],
        };
      default:
        return null;
    }
  });
  initLanguage(memorySettings());
  status.messages = [];
  render(ExportPanel, { groupId: county.id, groupName: county.name, year: 2027, meetingId });
  return calls;
}

describe("ExportPanel", () => {
  it("offers a mailing list too long for one link as numbered links that hold every address", async () => {
    setup();
    await fireEvent.click(screen.getByTestId("export-mail"));
    const list = await screen.findByTestId("mailto-batches");
    const links = within(list).getAllByRole("link");
    expect(links.map((l) => l.getAttribute("href"))).toEqual(LINKS);
    expect(links.map((l) => l.textContent)).toEqual([
      "Öppna del 1 av 3 i e-postprogrammet",
      "Öppna del 2 av 3 i e-postprogrammet",
      "Öppna del 3 av 3 i e-postprogrammet",
    ]);
    expect(screen.getByTestId("bcc")).toHaveValue("a1@falun.se; a2@falun.se; a3@falun.se");
  });

  it("saves the roster as PDF through a PDF save dialog", async () => {
    const calls = setup();
    // Not ticked: the protected person stays out of the file.
    await within(await screen.findByTestId("protected-opt-in")).findByRole("checkbox", { name: "Ta med Hanna Skydd i denna export" });
    await fireEvent.click(screen.getByRole("button", { name: "Deltagarlista (PDF)" }));
    await waitFor(() => expect(calls.some((c) => c.cmd === "export_roster")).toBe(true));
    expect(calls.find((c) => c.cmd === "export_roster")?.args).toEqual({
      groupId: county.id,
      meetingId: null,
      format: "pdf",
      path: "/tmp/lista.pdf",
      include: [],
    });
    const dialog = calls.find((c) => c.cmd === "plugin:dialog|save")?.args as { options: { defaultPath: string; filters: unknown } };
    expect(dialog.options.defaultPath).toBe(`Deltagarlista ${county.name} 2027-02-16.pdf`);
    expect(dialog.options.filters).toEqual([{ name: "PDF-dokument", extensions: ["pdf"] }]);
    await waitFor(() => expect(status.messages.some((m) => m.text === "29 rader sparade i /tmp/lista.pdf.")).toBe(true));
  });

  it("offers the calendar for a group and the attendance list for a meeting, in both languages", async () => {
    setup();
    expect(screen.getByRole("button", { name: "Kalender (.ics)" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Närvarolista för underskrift (PDF)" })).toBeNull();
    cleanup();
    setup(5);
    expect(screen.getByRole("button", { name: "Närvarolista för underskrift (PDF)" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Kalender (.ics)" })).toBeNull();
    setLanguage("en", memorySettings());
    expect(await screen.findByRole("button", { name: "Attendance list to sign (PDF)" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Roster (PDF)" })).toBeInTheDocument();
  });
});
