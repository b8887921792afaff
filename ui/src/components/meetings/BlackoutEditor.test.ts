import { describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import BlackoutEditor from "./BlackoutEditor.svelte";
import { initLanguage } from "../../lib/i18n/index.svelte";
import { memorySettings } from "../../lib/settings";
import { status } from "../../lib/status.svelte";
import { county, steering } from "../network/testdata";
import type { Blackout } from "../../lib/bindings/Blackout";
import type { BlackoutDraft } from "../../lib/bindings/BlackoutDraft";

type Call = { cmd: string; args: Record<string, unknown> };

const TO_BEFORE_FROM = {
  code: "invalid",
  field: "to",
  message: "Ogiltigt värde för till och med: slutdatumet ligger före startdatumet.",
};

/** A register with one blocked period; add_blackout refuses an end before the start, as the core does. */
function setup() {
  let blackouts: Blackout[] = [{ id: 1, group_id: null, from: "2027-12-20", to: "2027-12-31", label: "Jullov" }];
  const calls: Call[] = [];
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: a });
    switch (cmd) {
      case "list_blackouts":
        return blackouts;
      case "add_blackout": {
        const d = a.draft as BlackoutDraft;
        if (d.to < d.from) throw TO_BEFORE_FROM;
        const b = { id: 2, ...d };
        blackouts = [...blackouts, b];
        return b;
      }
      case "remove_blackout": {
        const b = blackouts.find((x) => x.id === a.id);
        blackouts = blackouts.filter((x) => x.id !== a.id);
        return b;
      }
      default:
        return null;
    }
  });
  initLanguage(memorySettings());
  status.messages = [];
  render(BlackoutEditor, { groups: [{ group: steering, seats: 5, seat_count: 8, vacant: 8, serving: 0 }, { group: county, seats: 29, seat_count: 58, vacant: 55, serving: 3 }] });
  return calls;
}

describe("BlackoutEditor", () => {
  it("lists the blocked periods with the groups they hold for", async () => {
    setup();
    const table = await screen.findByRole("table", { name: "Spärrperioder" });
    const row = within(table).getByRole("row", { name: /Jullov/ });
    expect(row).toHaveTextContent("2027-12-20–2027-12-31");
    expect(row).toHaveTextContent("Alla grupper");
    expect(screen.getByText("Spärrperioder (1)")).toBeInTheDocument();
  });

  it("shows the core's refusal beside the field, then adds the corrected period for one group", async () => {
    const calls = setup();
    await screen.findByRole("table", { name: "Spärrperioder" });
    const form = screen.getByTestId("blackout-form");
    await fireEvent.input(within(form).getByRole("textbox", { name: /Benämning/ }), { target: { value: " Sportlov v. 9 " } });
    await fireEvent.input(within(form).getByRole("textbox", { name: /Från och med/ }), { target: { value: "2027-03-05" } });
    await fireEvent.input(within(form).getByRole("textbox", { name: /Till och med/ }), { target: { value: "2027-03-01" } });
    await fireEvent.change(within(form).getByRole("combobox", { name: "Gäller" }), { target: { value: String(county.id) } });
    await fireEvent.click(within(form).getByRole("button", { name: "Lägg till spärrperioden" }));

    const to = within(form).getByRole("textbox", { name: /Till och med/ });
    await waitFor(() => expect(to).toHaveAttribute("aria-invalid", "true"));
    expect(to).toHaveAccessibleDescription(expect.stringContaining(TO_BEFORE_FROM.message));
    expect(to).toHaveFocus();
    expect(within(form).getByRole("textbox", { name: /Från och med/ })).not.toHaveAttribute("aria-invalid");
    expect(screen.getAllByRole("row")).toHaveLength(2);

    await fireEvent.input(to, { target: { value: "2027-03-07" } });
    await fireEvent.input(within(form).getByRole("textbox", { name: /Från och med/ }), { target: { value: "2027-03-01" } });
    await fireEvent.click(within(form).getByRole("button", { name: "Lägg till spärrperioden" }));
    const row = await screen.findByRole("row", { name: /Sportlov v. 9/ });
    expect(row).toHaveTextContent("2027-03-01–2027-03-07");
    expect(row).toHaveTextContent(county.name);
    expect(calls.filter((c) => c.cmd === "add_blackout").map((c) => c.args)).toEqual([
      { draft: { group_id: county.id, from: "2027-03-05", to: "2027-03-01", label: "Sportlov v. 9" } },
      { draft: { group_id: county.id, from: "2027-03-01", to: "2027-03-07", label: "Sportlov v. 9" } },
    ]);
    expect(to).not.toHaveAttribute("aria-invalid");
    expect(to).toHaveValue("");
    expect(status.messages.some((m) => m.text === "Spärrperioden Sportlov v. 9 är tillagd.")).toBe(true);
  });

  it("removes a period only after the coordinator confirms", async () => {
    const calls = setup();
    const table = await screen.findByRole("table", { name: "Spärrperioder" });
    const remove = within(table).getByRole("button", { name: "Ta bort spärrperioden Jullov" });

    await fireEvent.click(remove);
    let dialog = await screen.findByRole("dialog", { name: "Ta bort spärrperioden" });
    expect(dialog).toHaveTextContent("Ta bort spärrperioden Jullov (2027-12-20–2027-12-31)?");
    await fireEvent.click(within(dialog).getByRole("button", { name: "Avbryt" }));
    expect(calls.some((c) => c.cmd === "remove_blackout")).toBe(false);
    expect(within(table).getByRole("row", { name: /Jullov/ })).toBeInTheDocument();

    await fireEvent.click(remove);
    dialog = await screen.findByRole("dialog", { name: "Ta bort spärrperioden" });
    await fireEvent.click(within(dialog).getByRole("button", { name: "Ta bort" }));
    expect(await screen.findByText("Inga spärrperioder är tillagda.")).toBeInTheDocument();
    expect(calls.filter((c) => c.cmd === "remove_blackout").map((c) => c.args)).toEqual([{ id: 1 }]);
  });
});
