import { describe, expect, it } from "vitest";
import { fireEvent, render, screen } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import Settings from "./Settings.svelte";
import { LANGUAGE_SETTING, initLanguage, language } from "../lib/i18n/index.svelte";
import { memorySettings } from "../lib/settings";

function setup(saved: Record<string, string> = {}) {
  mockIPC((cmd) => (cmd === "app_info" ? { name: "Samverkan", version: "0.1.0" } : null));
  const settings = memorySettings(saved);
  initLanguage(settings);
  render(Settings, { settings, focusOnMount: false });
  return settings;
}

describe("Settings", () => {
  it("starts in Swedish with Svenska chosen", () => {
    setup();
    expect(screen.getByRole("heading", { level: 1, name: "Inställningar" })).toBeInTheDocument();
    expect(screen.getByRole("radio", { name: "Svenska" })).toBeChecked();
    expect(screen.getByRole("radio", { name: "English" })).not.toBeChecked();
  });

  it("switches the whole screen to English, saves it and sets <html lang>", async () => {
    const settings = setup();
    await fireEvent.click(screen.getByRole("radio", { name: "English" }));

    expect(language()).toBe("en");
    expect(settings.get(LANGUAGE_SETTING)).toBe("en");
    expect(document.documentElement.lang).toBe("en");
    expect(await screen.findByRole("heading", { level: 1, name: "Settings" })).toBeInTheDocument();
    expect(screen.getByRole("group", { name: "Language" })).toBeInTheDocument();
    expect(screen.getByRole("radio", { name: "English" })).toBeChecked();
  });

  it("switches back to Swedish", async () => {
    setup({ [LANGUAGE_SETTING]: "en" });
    expect(screen.getByRole("heading", { level: 1, name: "Settings" })).toBeInTheDocument();
    await fireEvent.click(screen.getByRole("radio", { name: "Svenska" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Inställningar" })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe("sv");
  });

  it("shows the version the backend reports", async () => {
    setup();
    expect(await screen.findByText("Samverkan, version 0.1.0")).toBeInTheDocument();
  });
});
