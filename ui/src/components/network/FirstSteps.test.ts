import { describe, expect, it } from "vitest";
import { render, screen, waitFor, within } from "@testing-library/svelte";
import { tick } from "svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import FirstSteps from "./FirstSteps.svelte";
import { initLanguage } from "../../lib/i18n/index.svelte";
import { memorySettings } from "../../lib/settings";

function setup(steps: Record<string, boolean>) {
  const asked = { value: false };
  mockIPC((cmd) => {
    if (cmd !== "first_steps") return null;
    asked.value = true;
    return steps;
  });
  initLanguage(memorySettings());
  render(FirstSteps);
  return asked;
}

describe("FirstSteps", () => {
  it("lists the four steps on a new register, each with a link to where it is done", async () => {
    setup({ own_details: false, people: false, forms_printed: false, meetings_planned: false });
    const section = await screen.findByRole("region", { name: "Kom igång" });
    expect(section).toHaveTextContent("0 av 4 steg klara.");
    const items = within(section).getAllByRole("listitem");
    expect(items).toHaveLength(4);
    expect(within(items[0]).getByRole("link", { name: "Fyll i dina uppgifter" })).toHaveAttribute("href", "#/meetings/organiser");
    expect(within(items[1]).getByRole("link", { name: "Läs in från fil" })).toHaveAttribute("href", "#/import");
    expect(within(items[2]).getByRole("link", { name: "Skriv ut blanketterna" })).toHaveAttribute("href", "#/forms");
    expect(within(items[3]).getByRole("link", { name: "Planera mötena" })).toHaveAttribute("href", "#/meetings");
  });

  it("ticks off what is done, and says so to a screen reader", async () => {
    setup({ own_details: true, people: true, forms_printed: false, meetings_planned: false });
    const section = await screen.findByRole("region", { name: "Kom igång" });
    expect(section).toHaveTextContent("2 av 4 steg klara.");
    const [own, people, forms] = within(section).getAllByRole("listitem");
    expect(own).toHaveTextContent("(klart)");
    expect(within(own).queryByRole("link")).not.toBeInTheDocument();
    expect(people).toHaveAttribute("data-done", "true");
    expect(forms).toHaveTextContent("(att göra)");
  });

  it("is gone once every step is done", async () => {
    const asked = setup({ own_details: true, people: true, forms_printed: true, meetings_planned: true });
    await waitFor(() => expect(asked.value).toBe(true));
    await tick();
    expect(screen.queryByRole("region", { name: "Kom igång" })).not.toBeInTheDocument();
  });
});
