import { describe, expect, it } from "vitest";
import { sv } from "./sv";
import { en } from "./en";
import {
  LANGUAGE_SETTING,
  initLanguage,
  interpolate,
  language,
  setLanguage,
  t,
} from "./index.svelte";
import { memorySettings } from "../settings";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("dictionaries", () => {
  it("Swedish and English have identical key sets", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
  });

  it("every English text has the same placeholders as its Swedish one", () => {
    for (const key of Object.keys(sv) as (keyof typeof sv)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(sv[key]));
    }
  });

  it("no text is empty", () => {
    for (const [key, text] of [...Object.entries(sv), ...Object.entries(en)]) {
      expect(text.trim(), key).not.toBe("");
    }
  });
});

describe("t", () => {
  it("interpolates named parameters", () => {
    initLanguage(memorySettings());
    expect(t("settings.about.version", { name: "Samverkan", version: "1.2.3" })).toBe(
      "Samverkan, version 1.2.3",
    );
    expect(t("app.version", { version: 7 })).toBe("Version 7");
  });

  it("leaves a placeholder without a value visible", () => {
    expect(interpolate("Hej {name}, {missing}", { name: "Anna" })).toBe("Hej Anna, {missing}");
  });

  it("follows the current language", () => {
    const settings = memorySettings();
    initLanguage(settings);
    expect(t("nav.people")).toBe("Personer");
    setLanguage("en", settings);
    expect(t("nav.people")).toBe("People");
    expect(document.documentElement.lang).toBe("en");
  });
});

describe("language setting", () => {
  it("is Swedish when nothing is saved", () => {
    expect(initLanguage(memorySettings())).toBe("sv");
    expect(document.documentElement.lang).toBe("sv");
  });

  it("is restored from the saved setting", () => {
    expect(initLanguage(memorySettings({ [LANGUAGE_SETTING]: "en" }))).toBe("en");
    expect(language()).toBe("en");
  });

  it("ignores a saved value that is not a language", () => {
    expect(initLanguage(memorySettings({ [LANGUAGE_SETTING]: "klingon" }))).toBe("sv");
  });

  it("is saved when switched", () => {
    const settings = memorySettings();
    setLanguage("en", settings);
    expect(settings.get(LANGUAGE_SETTING)).toBe("en");
  });
});
