import { describe, expect, it } from "vitest";
import { render, screen, within } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import FormsOverview from "./FormsOverview.svelte";
import { initLanguage } from "../../lib/i18n/index.svelte";
import { memorySettings } from "../../lib/settings";
import { GROUPS, statusRow, working } from "./testdata";

describe("FormsOverview", () => {
  it("lists, per group with the one-per-organisation rule, the organisations without a signed, current form", async () => {
    const asked: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "list_groups") return GROUPS;
      if (cmd === "form_status") {
        const groupId = (args as { groupId: number }).groupId;
        asked.push(groupId);
        if (groupId === 2) {
          return [
            statusRow({ state: "signed" }),
            statusRow({ organisation_id: 12, organisation_name: "Mora kommun", state: "needs_new_signature" }),
          ];
        }
        return [statusRow({ group_id: 3, group_name: working.name, state: "signed" })];
      }
      return null;
    });
    initLanguage(memorySettings());
    render(FormsOverview);
    const section = await screen.findByTestId("forms-overview");
    await within(section).findByText(/Alla organisationer i Arbetsgrupp Barn/);
    expect(asked.sort()).toEqual([2, 3]);
    const missing = within(section).getByRole("link", { name: /1 organisation i Länsgruppen MVK saknar/ });
    expect(missing).toHaveAttribute("href", "#/forms/2");
    const mora = within(section).getByRole("link", { name: "Mora kommun" });
    expect(mora).toHaveAttribute("href", "#/organisations/12");
    expect(within(section).queryByText("Falu kommun")).not.toBeInTheDocument();
  });
});
