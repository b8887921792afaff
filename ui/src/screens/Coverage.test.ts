import { describe, expect, it } from "vitest";
import { fireEvent, render, screen, within } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import Coverage from "./Coverage.svelte";
import { initLanguage } from "../lib/i18n/index.svelte";
import { memorySettings } from "../lib/settings";
import { county, steering } from "../components/network/testdata";

const cell = (group: number, over: Record<string, unknown> = {}) => ({
  group_id: group,
  seated: true,
  representative: null,
  substitute: null,
  protected: false,
  others: 0,
  seats: 2,
  vacant: 2,
  ...over,
});

function setup() {
  mockIPC((cmd) =>
    cmd === "coverage"
      ? {
          groups: [steering, county],
          rows: [
            {
              organisation_id: 5,
              organisation_name: "Falu kommun",
              cells: [cell(1, { seated: false, seats: 0, vacant: 0 }), cell(2, { representative: "Anna Berg", vacant: 1 })],
            },
            {
              organisation_id: 6,
              organisation_name: "Mora kommun",
              cells: [cell(1, { seated: false, seats: 0, vacant: 0 }), cell(2, { representative: "Bo Ek", substitute: "Cecilia Dahl", vacant: 0 })],
            },
          ],
          open_vacant: [2, 0],
        }
      : null,
  );
  initLanguage(memorySettings());
  render(Coverage, { focusOnMount: false });
}

describe("Coverage", () => {
  it("shows each cell in text with an accessible label and a link to the group's row", async () => {
    setup();
    const matrix = await screen.findByRole("table", { name: /Representant och ersättare/ });
    const falun = within(matrix).getByRole("row", { name: /Falu kommun/ });
    const link = within(falun).getByRole("link", {
      name: "Falu kommun i Länsgruppen MVK: representant Anna Berg, ersättare saknas",
    });
    expect(link).toHaveAttribute("href", "#/groups/2?org=5");
    expect(link).toHaveTextContent("R ✓");
    expect(link).toHaveTextContent("E –");
    expect(within(falun).getByRole("link", { name: "Falu kommun har ingen plats i Styrgrupp MVK" })).toBeInTheDocument();
    expect(screen.getByTestId("coverage-summary")).toHaveTextContent("1 av 2 organisationer saknar");
    const open = within(matrix).getByRole("row", { name: /Öppna platser som står tomma/ });
    expect(within(open).getByRole("link", { name: "Styrgrupp MVK: 2 öppna platser står tomma" })).toHaveAttribute(
      "href",
      "#/groups/1",
    );
  });

  it("filters to the rows with gaps", async () => {
    setup();
    const matrix = await screen.findByRole("table", { name: /Representant och ersättare/ });
    // Header, two organisations, and the row of empty open seats.
    expect(within(matrix).getAllByRole("row")).toHaveLength(4);
    await fireEvent.click(screen.getByRole("checkbox", { name: "Visa bara organisationer med luckor" }));
    expect(within(matrix).getAllByRole("row")).toHaveLength(3);
    expect(within(matrix).queryByRole("row", { name: /Mora kommun/ })).not.toBeInTheDocument();
  });
});
