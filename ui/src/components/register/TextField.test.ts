import { describe, expect, it } from "vitest";
import { fireEvent, render, screen } from "@testing-library/svelte";
import TextField from "./TextField.svelte";
import { initLanguage, setLanguage } from "../../lib/i18n/index.svelte";
import { memorySettings } from "../../lib/settings";
import { LIMITS } from "../../lib/bindings/limits";

function setup() {
  initLanguage(memorySettings());
  render(TextField, { id: "org-name", label: "Namn", limit: "name" });
  return screen.getByLabelText("Namn") as HTMLInputElement;
}

describe("TextField with a length limit", () => {
  it("says nothing while the value is short", async () => {
    const input = setup();
    await fireEvent.input(input, { target: { value: "Falu kommun" } });
    expect(screen.queryByText(/tecken/)).not.toBeInTheDocument();
    expect(input).not.toHaveAttribute("aria-invalid");
  });

  it("counts near the limit and tells how many too many past it, without cutting", async () => {
    const input = setup();
    expect(LIMITS.name).toBe(120);
    await fireEvent.input(input, { target: { value: "å".repeat(100) } });
    expect(screen.getByText("100 av högst 120 tecken")).toBeInTheDocument();
    expect(input).toHaveAccessibleDescription("100 av högst 120 tecken");
    // Characters as the core counts them: an emoji outside the BMP is one, not two.
    await fireEvent.input(input, { target: { value: "x".repeat(120) + "🙂🙂" } });
    expect(screen.getByText("Högst 120 tecken: 2 för många.")).toBeInTheDocument();
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(input.value).toHaveLength(124);
  });

  it("speaks English too", async () => {
    const input = setup();
    setLanguage("en", memorySettings());
    await fireEvent.input(input, { target: { value: "x".repeat(121) } });
    expect(screen.getByText("At most 120 characters: 1 too many.")).toBeInTheDocument();
    setLanguage("sv", memorySettings());
  });
});
