import { describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import OrganiserForm from "./OrganiserForm.svelte";
import { initLanguage } from "../../lib/i18n/index.svelte";
import { memorySettings } from "../../lib/settings";
import { status } from "../../lib/status.svelte";
import type { OrganiserInfo } from "../../lib/bindings/OrganiserInfo";

const BAD_EMAIL = { code: "invalid", field: "email", message: "Ogiltigt värde för e-post: adressen saknar @." };

function setup() {
  let stored: OrganiserInfo = { name: "Sara Lind", title: "Strateg", email: null, phone: null };
  const calls: { cmd: string; args: Record<string, unknown> }[] = [];
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: a });
    switch (cmd) {
      case "organiser":
        return stored;
      case "set_organiser": {
        const info = a.info as OrganiserInfo;
        if (info.email !== null && !info.email.includes("@")) throw BAD_EMAIL;
        stored = info;
        return stored;
      }
      default:
        return null;
    }
  });
  initLanguage(memorySettings());
  status.messages = [];
  render(OrganiserForm);
  return calls;
}

describe("OrganiserForm", () => {
  it("shows the saved organiser, refuses a bad address beside the field, and saves the corrected one", async () => {
    const calls = setup();
    const name = await screen.findByRole("textbox", { name: "Namn" });
    expect(name).toHaveValue("Sara Lind");
    const email = screen.getByRole("textbox", { name: "E-post" });
    expect(email).toHaveValue("");

    await fireEvent.input(email, { target: { value: "sara.lind.lansstyrelsen.se" } });
    await fireEvent.click(screen.getByRole("button", { name: "Spara" }));
    await waitFor(() => expect(email).toHaveAttribute("aria-invalid", "true"));
    expect(email).toHaveAccessibleDescription(BAD_EMAIL.message);
    expect(email).toHaveFocus();
    expect(name).not.toHaveAttribute("aria-invalid");

    await fireEvent.input(email, { target: { value: " sara.lind@lansstyrelsen.se " } });
    await fireEvent.click(screen.getByRole("button", { name: "Spara" }));
    await waitFor(() => expect(email).not.toHaveAttribute("aria-invalid"));
    expect(calls.filter((c) => c.cmd === "set_organiser").map((c) => c.args)).toEqual([
      { info: { name: "Sara Lind", title: "Strateg", email: "sara.lind.lansstyrelsen.se", phone: null } },
      { info: { name: "Sara Lind", title: "Strateg", email: "sara.lind@lansstyrelsen.se", phone: null } },
    ]);
    expect(status.messages.some((m) => m.text === "Samordnarens uppgifter är sparade.")).toBe(true);
  });

  it("sends empty fields as none, which leaves the organiser out of the files", async () => {
    const calls = setup();
    const name = await screen.findByRole("textbox", { name: "Namn" });
    await fireEvent.input(name, { target: { value: "  " } });
    await fireEvent.input(screen.getByRole("textbox", { name: "Titel" }), { target: { value: "" } });
    await fireEvent.click(screen.getByRole("button", { name: "Spara" }));
    await waitFor(() => expect(calls.some((c) => c.cmd === "set_organiser")).toBe(true));
    expect(calls.find((c) => c.cmd === "set_organiser")?.args).toEqual({
      info: { name: null, title: null, email: null, phone: null },
    });
  });

  it("shows the saved title and phone and sends them with the rest", async () => {
    const calls = setup();
    const title = await screen.findByRole("textbox", { name: "Titel" });
    expect(title).toHaveValue("Strateg");
    await fireEvent.input(screen.getByRole("textbox", { name: "Telefon" }), { target: { value: "010-225 00 00" } });
    await fireEvent.click(screen.getByRole("button", { name: "Spara" }));
    await waitFor(() => expect(calls.some((c) => c.cmd === "set_organiser")).toBe(true));
    expect(calls.find((c) => c.cmd === "set_organiser")?.args).toEqual({
      info: { name: "Sara Lind", title: "Strateg", email: null, phone: "010-225 00 00" },
    });
  });
});
