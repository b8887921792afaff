import { describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import OrgForm from "./OrgForm.svelte";
import { initLanguage } from "../../lib/i18n/index.svelte";
import { memorySettings } from "../../lib/settings";
import { GROUPS, org } from "./testdata";

async function chooseKind(label = "Kommun") {
  await fireEvent.change(screen.getByRole("combobox", { name: /^Typ/ }), {
    target: { value: (screen.getByRole("option", { name: label }) as HTMLOptionElement).value },
  });
}

function setup(handler: (cmd: string, args: Record<string, unknown>) => unknown) {
  mockIPC((cmd, args) => handler(cmd, (args ?? {}) as Record<string, unknown>));
  initLanguage(memorySettings());
  const onsaved = vi.fn();
  const oncancel = vi.fn();
  render(OrgForm, { groups: GROUPS, onsaved, oncancel });
  return { onsaved, oncancel };
}

describe("OrgForm", () => {
  it("marks the required fields", () => {
    setup(() => null);
    expect(screen.getByRole("textbox", { name: /^Namn/ })).toHaveAttribute("aria-required", "true");
    expect(screen.getByRole("combobox", { name: /^Typ/ })).toHaveAttribute("aria-required", "true");
    expect(screen.getByRole("textbox", { name: /^Kortnamn/ })).not.toHaveAttribute("aria-required");
  });

  it("shows the core's field error beside the e-mail field and focuses it", async () => {
    const message = "Ogiltigt värde för e-post: adressen saknar @.";
    setup(() => {
      throw { code: "invalid", field: "email", message };
    });
    await fireEvent.input(screen.getByRole("textbox", { name: /^Namn/ }), { target: { value: "Orsa kommun" } });
    await fireEvent.input(screen.getByRole("textbox", { name: /^E-post/ }), { target: { value: "orsa.se" } });
    await chooseKind();
    await fireEvent.click(screen.getByRole("button", { name: "Lägg till organisationen" }));
    const email = screen.getByRole("textbox", { name: /^E-post/ });
    await waitFor(() => expect(email).toHaveAttribute("aria-invalid", "true"));
    expect(email).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(email).toHaveFocus();
    expect(screen.getByRole("textbox", { name: /^Namn/ })).not.toHaveAttribute("aria-invalid");
  });

  it("shows an error without a field in the form's alert", async () => {
    setup(() => {
      throw { code: "conflict", message: "Det finns redan en organisation med ”Orsa kommun”." };
    });
    await fireEvent.input(screen.getByRole("textbox", { name: /^Namn/ }), { target: { value: "Orsa kommun" } });
    await chooseKind();
    await fireEvent.click(screen.getByRole("button", { name: "Lägg till organisationen" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Det finns redan en organisation med ”Orsa kommun”.");
  });

  it("sends the draft and the chosen groups to add_org", async () => {
    let sent: Record<string, unknown> | undefined;
    const { onsaved } = setup((cmd, args) => {
      if (cmd === "add_org") {
        sent = args;
        return org(31, "Orsa kommun");
      }
      return null;
    });
    await fireEvent.input(screen.getByRole("textbox", { name: /^Namn/ }), { target: { value: " Orsa kommun " } });
    await fireEvent.input(screen.getByRole("textbox", { name: /^Organisationsnummer/ }), { target: { value: "212000-2080" } });
    await fireEvent.click(screen.getByRole("checkbox", { name: "Länsgruppen MVK" }));
    // The kind is chosen, never assumed: without it nothing is sent.
    await fireEvent.click(screen.getByRole("button", { name: "Lägg till organisationen" }));
    expect(screen.getByRole("combobox", { name: /^Typ/ })).toHaveAccessibleDescription(
      expect.stringContaining("Välj vilken typ av organisation det är."),
    );
    expect(sent).toBeUndefined();
    await chooseKind();
    await fireEvent.click(screen.getByRole("button", { name: "Lägg till organisationen" }));
    await waitFor(() => expect(onsaved).toHaveBeenCalledOnce());
    expect(sent).toEqual({
      draft: {
        name: "Orsa kommun", short_name: null, kind: "municipality", org_number: "212000-2080",
        postal_address: null, email: null, phone: null, notes: null, active: true,
      },
      groups: [2],
    });
  });
});
