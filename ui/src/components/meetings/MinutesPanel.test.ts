import { describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import MinutesPanel from "./MinutesPanel.svelte";
import { initLanguage } from "../../lib/i18n/index.svelte";
import { memorySettings } from "../../lib/settings";
import { status } from "../../lib/status.svelte";
import type { Minutes } from "../../lib/bindings/Minutes";
import type { MinutesItemDraft } from "../../lib/bindings/MinutesItemDraft";
import type { MinutesPeople } from "../../lib/bindings/MinutesPeople";

const NO_COORDINATOR = { code: "invalid", message: "Fyll i samordnarens e-postadress först." };

const people = [
  { id: 1, name: "Anna Öberg" },
  { id: 2, name: "Erik Lund" },
];

function item(position: number, title: string) {
  return { position, title, kind: "information", start: "09:00", end: "09:15", presenter_name: null, notes: null, decisions: null } as const;
}

function setup(over: { coordinator?: boolean } = {}) {
  let m: Minutes = {
    meeting_id: 7,
    status: "not_started",
    drafted_at: null,
    checked_at: null,
    sent_at: null,
    taker: null,
    checker: null,
    items: [item(1, "Mötet öppnas"), item(2, "Föregående minnesanteckningar")],
    attendance: [],
    protected_left_out: 0,
  };
  const calls: { cmd: string; args: Record<string, unknown> }[] = [];
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: a });
    switch (cmd) {
      case "minutes":
        return m;
      case "set_minutes_item": {
        const d = a.draft as MinutesItemDraft;
        m = {
          ...m,
          status: "drafted",
          drafted_at: "2027-03-10T12:00:00Z",
          items: m.items.map((i) => (i.position === a.position ? { ...i, notes: d.notes, decisions: d.decisions } : i)),
        };
        return m;
      }
      case "set_minutes_people": {
        const p = a.people as MinutesPeople;
        const who = (id: number | null) => (id === null ? null : { person_id: id, name: people.find((x) => x.id === id)?.name ?? "" });
        m = { ...m, taker: who(p.taker_id), checker: who(p.checker_id) };
        return m;
      }
      case "check_minutes":
        m = { ...m, status: "checked", checked_at: "2027-03-11T08:00:00Z" };
        return m;
      case "plugin:dialog|save":
        return "/tmp/Minnesanteckningar.eml";
      case "write_minutes":
        if (a.eml !== null && over.coordinator === false) throw NO_COORDINATOR;
        if (a.eml !== null) m = { ...m, status: "sent", sent_at: "2027-03-11T09:00:00Z" };
        return { pdf: a.pdf, eml: a.eml, recipients: 2, status: m.status };
      default:
        return null;
    }
  });
  initLanguage(memorySettings());
  status.messages = [];
  render(MinutesPanel, { props: { meetingId: 7, groupName: "Länsgruppen MVK", date: "2027-03-10", people } });
  return calls;
}

describe("MinutesPanel", () => {
  it("saves an item's notes and decisions, the taker and checker, and marks them checked only once a checker is chosen", async () => {
    const calls = setup();
    const status_ = await screen.findByTestId("minutes-status");
    expect(status_.textContent).toBe("Inte påbörjade.");
    const notes = screen.getByRole("textbox", { name: "Anteckningar till punkt 2: Föregående minnesanteckningar" });
    const decisions = screen.getByRole("textbox", { name: "Beslut till punkt 2: Föregående minnesanteckningar" });
    await fireEvent.input(notes, { target: { value: "Gicks igenom; inga ändringar." } });
    await fireEvent.input(decisions, { target: { value: "Lades till handlingarna." } });
    await fireEvent.click(screen.getByRole("button", { name: "Spara punkt 2" }));
    await waitFor(() => expect(screen.getByTestId("minutes-status").textContent).toMatch(/^Utkast, senast ändrat /));
    expect(calls.find((c) => c.cmd === "set_minutes_item")?.args).toEqual({
      meetingId: 7,
      position: 2,
      draft: { notes: "Gicks igenom; inga ändringar.", decisions: "Lades till handlingarna." },
    });
    // Item 1 was left empty: nothing of it is sent as text.
    expect((screen.getByTestId("minutes-notes-1") as HTMLTextAreaElement).value).toBe("");

    const check = screen.getByTestId("minutes-check");
    expect(check).toBeDisabled();
    await fireEvent.change(screen.getByRole("combobox", { name: "Antecknat av" }), { target: { value: "2" } });
    await fireEvent.change(screen.getByRole("combobox", { name: "Justerare" }), { target: { value: "1" } });
    await fireEvent.click(screen.getByRole("button", { name: "Spara" }));
    await waitFor(() => expect(screen.getByTestId("minutes-check")).toBeEnabled());
    expect(calls.find((c) => c.cmd === "set_minutes_people")?.args).toEqual({
      meetingId: 7,
      people: { taker_id: 2, checker_id: 1 },
    });
    await fireEvent.click(screen.getByTestId("minutes-check"));
    await waitFor(() => expect(screen.getByTestId("minutes-status").textContent).toMatch(/^Justerade /));
    expect(calls.filter((c) => c.cmd === "check_minutes")).toEqual([{ cmd: "check_minutes", args: { meetingId: 7 } }]);
  });

  it("writes the e-mail draft with the PDF beside it and shows them sent", async () => {
    const calls = setup();
    await screen.findByTestId("minutes-status");
    await fireEvent.click(screen.getByTestId("minutes-eml"));
    await waitFor(() => expect(screen.getByTestId("minutes-status").textContent).toMatch(/^Skickade /));
    const dialog = calls.find((c) => c.cmd === "plugin:dialog|save")?.args as { options: { defaultPath: string } };
    expect(dialog.options.defaultPath).toBe("Minnesanteckningar Länsgruppen MVK 2027-03-10.eml");
    expect(calls.find((c) => c.cmd === "write_minutes")?.args).toEqual({
      meetingId: 7,
      pdf: "/tmp/Minnesanteckningar.pdf",
      eml: "/tmp/Minnesanteckningar.eml",
      request: { include: [], recipients: "bcc" },
    });
    expect(status.messages.some((m) => m.text === "E-postutkastet med minnesanteckningarna är sparat i /tmp/Minnesanteckningar.eml.")).toBe(true);
  });

  it("shows the core's refusal and keeps the status as it was", async () => {
    setup({ coordinator: false });
    await screen.findByTestId("minutes-status");
    await fireEvent.click(screen.getByTestId("minutes-eml"));
    expect(await screen.findByText(/Fyll i samordnarens e-postadress först/)).toBeInTheDocument();
    expect(screen.getByTestId("minutes-status").textContent).toBe("Inte påbörjade.");
  });
});
