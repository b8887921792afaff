import { describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import InvitationPanel from "./InvitationPanel.svelte";
import { initLanguage } from "../../lib/i18n/index.svelte";
import { memorySettings } from "../../lib/settings";
import { status } from "../../lib/status.svelte";
import type { InvitationState } from "../../lib/bindings/InvitationState";

const anna = { person_id: 1, name: "Anna Öberg", organisation: "Falu kommun", role: "representative", email: "anna@falun.se", protected: false } as const;
const pelle = { person_id: 2, name: "Pelle Utan", organisation: "Mora kommun", role: "representative", email: null, protected: false } as const;

function state(over: Partial<InvitationState> = {}): InvitationState {
  return {
    meeting_id: 7,
    kind: "update",
    sequence: 1,
    changes: ["date", "place"],
    last: {
      sequence: 0,
      kind: "invitation",
      sent_at: "2026-11-22T09:00:00Z",
      date: "2027-03-10",
      start: "13:00",
      end: "15:00",
      place: "Falun",
      online_link: null,
      recipients: 1,
    },
    differs: true,
    nothing_to_send: false,
    invited: [anna, pelle],
    without_email: [pelle],
    left_out: [{ person_id: 9, name: "Hanna Skydd" }],
    subject: "Ändrad kallelse (nytt datum, ny plats): Länsgruppen MVK",
    body: "Hej!\n\nMötet är ändrat.",
    has_organiser: true,
    ...over,
  };
}

function setup(s: InvitationState) {
  const calls: { cmd: string; args: Record<string, unknown> }[] = [];
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: a });
    switch (cmd) {
      case "invitation":
        return s;
      case "plugin:dialog|save":
        return "/tmp/kallelse.eml";
      case "write_invitation":
        return { eml: "/tmp/kallelse.eml", pdf: null, kind: s.kind, sequence: s.sequence, recipients: 1, without_email: ["Pelle Utan"], protected_left_out: 1 };
      default:
        return null;
    }
  });
  initLanguage(memorySettings());
  status.messages = [];
  render(InvitationPanel, { props: { meetingId: 7, groupName: "Länsgruppen MVK", date: "2027-03-17" } });
  return calls;
}

describe("InvitationPanel", () => {
  it("says which version was sent, what changed, who has no address, and writes the draft with the choices", async () => {
    const calls = setup(state());
    await screen.findByTestId("invite-status");
    expect(screen.getByTestId("invite-status").textContent).toMatch(/Senast skickad: kallelse, version 0/);
    expect(screen.getByTestId("invite-status").textContent).toMatch(/nytt datum, ny plats.*ändrad kallelse, version 1/);
    expect(screen.getByTestId("invite-subject").textContent).toBe("Ändrad kallelse (nytt datum, ny plats): Länsgruppen MVK");
    expect(screen.getByTestId("invite-without-email").textContent).toMatch(/Pelle Utan/);

    await fireEvent.change(screen.getByTestId("invite-recipients"), { target: { value: "to" } });
    await fireEvent.click(screen.getByLabelText("Ta med Hanna Skydd i denna export"));
    await fireEvent.click(screen.getByTestId("invite-eml"));
    await waitFor(() => expect(calls.some((c) => c.cmd === "write_invitation")).toBe(true));
    const dialog = calls.find((c) => c.cmd === "plugin:dialog|save")?.args as { options: { defaultPath: string; filters: unknown } };
    expect(dialog.options.defaultPath).toBe("Kallelse Länsgruppen MVK 2027-03-17.eml");
    expect(calls.find((c) => c.cmd === "write_invitation")?.args).toEqual({
      meetingId: 7,
      eml: "/tmp/kallelse.eml",
      pdf: null,
      request: { include: [9], recipients: "to" },
    });
    await waitFor(() => expect(status.messages.some((m) => /version 1/.test(m.text))).toBe(true));
    expect(await screen.findByRole("button", { name: "Öppna utkastet" })).toBeInTheDocument();
  });

  it("offers nothing to send for a cancelled meeting never invited, and asks for the coordinator's address", async () => {
    setup(state({ kind: "cancellation", last: null, differs: false, nothing_to_send: true, sequence: 0, changes: [] }));
    await screen.findByTestId("invite-status");
    expect(screen.getByTestId("invite-status").textContent).toMatch(/ingen att meddela/);
    expect(screen.queryByTestId("invite-eml")).toBeNull();
  });

  it("keeps the draft button off until the coordinator's address is set", async () => {
    setup(state({ has_organiser: false }));
    await screen.findByTestId("invite-status");
    expect(screen.getByText(/Fyll i samordnarens e-postadress/)).toBeInTheDocument();
    expect(screen.getByTestId("invite-eml")).toBeDisabled();
  });
});
