import { describe, expect, it } from "vitest";
import { render, screen, within } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import FormsOverview from "./FormsOverview.svelte";
import { initLanguage } from "../../lib/i18n/index.svelte";
import { memorySettings } from "../../lib/settings";
import { statusRow, working } from "./testdata";

describe("FormsOverview", () => {
  it("shows, per group with seats, how many lack a signed, current form and the first of them", async () => {
    mockIPC(() => null);
    initLanguage(memorySettings());
    render(FormsOverview, {
      forms: [
        {
          group_id: 2,
          group_name: "Länsgruppen MVK",
          open: { total: 1, offset: 0, rows: [statusRow({ organisation_id: 12, organisation_name: "Mora kommun", state: "needs_new_signature" })] },
        },
        { group_id: 3, group_name: working.name, open: { total: 0, offset: 0, rows: [] } },
        {
          group_id: 4,
          group_name: "Stora gruppen",
          open: { total: 9000, offset: 0, rows: [statusRow({ group_id: 4, organisation_id: 13, organisation_name: "Avesta kommun", state: "not_printed" })] },
        },
      ],
    });
    const section = await screen.findByTestId("forms-overview");
    await within(section).findByText(/Alla organisationer i Arbetsgrupp Barn/);
    const missing = within(section).getByRole("link", { name: /1 organisation i Länsgruppen MVK saknar/ });
    expect(missing).toHaveAttribute("href", "#/forms/2");
    const mora = within(section).getByRole("link", { name: "Mora kommun" });
    expect(mora).toHaveAttribute("href", "#/organisations/12");
    expect(within(section).queryByText("Falu kommun")).not.toBeInTheDocument();
    // A long list shows its first rows and says how many there are, linking to them all.
    expect(within(section).getByRole("link", { name: "Visar 1 av 9000. Se alla" })).toHaveAttribute("href", "#/forms/4");
  });
});
