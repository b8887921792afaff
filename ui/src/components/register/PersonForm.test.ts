import { describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import PersonForm from "./PersonForm.svelte";
import { initLanguage } from "../../lib/i18n/index.svelte";
import { memorySettings } from "../../lib/settings";
import { ORGS, person } from "./testdata";

function setup(handler: (cmd: string, args: Record<string, unknown>) => unknown, organisationId: number | null = null) {
  mockIPC((cmd, args) => handler(cmd, (args ?? {}) as Record<string, unknown>));
  initLanguage(memorySettings());
  const onsaved = vi.fn();
  render(PersonForm, { organisations: ORGS, organisationId, onsaved, oncancel: vi.fn() });
  return { onsaved };
}

describe("PersonForm", () => {
  it("explains what protected personal data means for exports", () => {
    setup(() => null);
    const box = screen.getByRole("checkbox", { name: "Skyddade personuppgifter" });
    expect(box).toHaveAccessibleDescription(expect.stringContaining("utanför alla exporter"));
  });

  it("asks for an organisation before calling the core", async () => {
    let called = false;
    setup((cmd) => { if (cmd === "add_person") called = true; return null; });
    await fireEvent.input(screen.getByRole("textbox", { name: /^Namn/ }), { target: { value: "Anna" } });
    await fireEvent.click(screen.getByRole("button", { name: "Lägg till personen" }));
    const select = screen.getByRole("combobox", { name: /^Organisation/ });
    await waitFor(() => expect(select).toHaveAttribute("aria-invalid", "true"));
    expect(select).toHaveFocus();
    expect(called).toBe(false);
  });

  it("shows the core's e-mail error beside the e-mail field", async () => {
    const message = "Ogiltigt värde för e-post: adressen saknar @.";
    setup(() => { throw { code: "invalid", field: "email", message }; }, 2);
    await fireEvent.input(screen.getByRole("textbox", { name: /^Namn/ }), { target: { value: "Anna" } });
    await fireEvent.click(screen.getByRole("button", { name: "Lägg till personen" }));
    const email = screen.getByRole("textbox", { name: /^E-post/ });
    await waitFor(() => expect(email).toHaveAttribute("aria-invalid", "true"));
    expect(email).toHaveAccessibleDescription(message);
    expect(email).toHaveFocus();
  });

  it("sends the person with the preset organisation and protection", async () => {
    let sent: unknown;
    const { onsaved } = setup((cmd, args) => {
      if (cmd === "add_person") { sent = args; return person(9, "Anna", 2, "Region Dalarna"); }
      return null;
    }, 2);
    expect(screen.getByRole("combobox", { name: /^Organisation/ })).toHaveValue("2");
    await fireEvent.input(screen.getByRole("textbox", { name: /^Namn/ }), { target: { value: "Anna" } });
    await fireEvent.click(screen.getByRole("checkbox", { name: "Skyddade personuppgifter" }));
    await fireEvent.click(screen.getByRole("button", { name: "Lägg till personen" }));
    await waitFor(() => expect(onsaved).toHaveBeenCalledOnce());
    expect(sent).toEqual({
      draft: { name: "Anna", title: null, organisation_id: 2, email: null, phone: null, protected: true, notes: null },
    });
  });
});
