import { describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import SeatFormDialog from "./SeatFormDialog.svelte";
import { initLanguage } from "../../lib/i18n/index.svelte";
import { memorySettings } from "../../lib/settings";
import { county, seat } from "./testdata";

function setup() {
  const calls: { cmd: string; args: Record<string, unknown> }[] = [];
  mockIPC((cmd, args) => {
    calls.push({ cmd, args: args as Record<string, unknown> });
    if (cmd === "org_page") {
      // 10,000 organisations in the register: the core answers one page of the matches.
      const a = args as { query: { text: string | null }; page: { offset: number; limit: number } };
      const all = Array.from({ length: 10_000 }, (_, i) => ({ id: 100 + i, name: `Organisation ${i + 1}`, kind: "municipality" }));
      const hits = all.filter((o) => !a.query.text || o.name.toLowerCase().includes(a.query.text.toLowerCase()));
      return { total: hits.length, offset: a.page.offset, rows: hits.slice(a.page.offset, a.page.offset + a.page.limit) };
    }
    if (cmd === "add_seat") return seat({ organisation_id: 105, organisation_name: "Organisation 6", label: null });
    return null;
  });
  initLanguage(memorySettings());
  const added: unknown[] = [];
  render(SeatFormDialog, { open: true, group: county, onadded: (s: unknown) => added.push(s) });
  return { calls, added };
}

describe("SeatFormDialog", () => {
  it("asks for the organisation, searched in the core as she types, not listed whole", async () => {
    const { calls, added } = setup();
    const org = screen.getByRole("combobox", { name: "Organisation" });
    expect(calls.some((c) => c.cmd === "list_orgs")).toBe(false);
    await fireEvent.click(screen.getByRole("button", { name: "Lägg till platsen" }));
    expect(org).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByText("Välj en organisation.")).toBeInTheDocument();
    expect(calls.some((c) => c.cmd === "add_seat")).toBe(false);

    await fireEvent.keyDown(org, { key: "ArrowDown" });
    const list = screen.getByRole("listbox", { hidden: true });
    await waitFor(() => expect(within(list).getAllByRole("option")).toHaveLength(20));
    expect(screen.getByRole("status")).toHaveTextContent("De 20 första visas");
    for (let i = 0; i < 5; i++) await fireEvent.keyDown(org, { key: "ArrowDown" });
    expect(org).toHaveAttribute("aria-activedescendant", `${org.id}-opt-5`);
    await fireEvent.keyDown(org, { key: "Enter" });
    expect(org).toHaveValue("Organisation 6");
    await fireEvent.click(screen.getByRole("button", { name: "Lägg till platsen" }));
    await waitFor(() => expect(added).toHaveLength(1));
    expect((calls.find((c) => c.cmd === "add_seat")?.args.draft as { organisation_id: number }).organisation_id).toBe(105);
  });
});
