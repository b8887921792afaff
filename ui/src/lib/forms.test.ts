import { afterEach, describe, expect, it } from "vitest";
import {
  PLACEHOLDERS,
  blocks,
  chooseDir,
  chooseSavePath,
  fillPlaceholders,
  safeFileName,
  toShown,
  toStored,
  type PlaceholderTokens,
} from "./forms";
import { dictionaries, type MessageKey } from "./i18n/index.svelte";

afterEach(() => {
  delete window.__samverkanTestPaths;
});

describe("forms helpers", () => {
  it("makes file names that Windows accepts and keeps Swedish letters", () => {
    expect(safeFileName("Malung-Sälens kommun")).toBe("Malung-Sälens kommun");
    expect(safeFileName('A/B: "C"*?')).toBe("A-B- -C");
    expect(safeFileName("...")).toBe("organisation");
    expect(safeFileName("x".repeat(200))).toHaveLength(80);
  });

  it("fills known placeholders and leaves a line for unknown or empty ones", () => {
    const text = "{organisation} möts {meetings_words} gånger; {principal}.";
    expect(fillPlaceholders(text, { organisation: "Falu kommun", meetings_words: "fyra", principal: " " }, "____"))
      .toBe("Falu kommun möts fyra gånger; ____.");
  });

  it("splits a section into paragraphs and bullet lists as the PDF does", () => {
    expect(blocks("Inledning\nfortsätter\n- ett\n- två\n\nSista")).toEqual([
      { kind: "p", text: "Inledning fortsätter" },
      { kind: "ul", items: ["ett", "två"] },
      { kind: "p", text: "Sista" },
    ]);
  });

  it("uses the test hook's paths instead of the native dialogs", async () => {
    window.__samverkanTestPaths = { save: "/tmp/a.pdf", dir: "/tmp/forms" };
    expect(await chooseSavePath("t", "n.pdf", "PDF")).toBe("/tmp/a.pdf");
    expect(await chooseDir("t")).toBe("/tmp/forms");
  });
});

describe("placeholder tokens", () => {
  const tokens = (lang: "sv" | "en") =>
    Object.fromEntries(
      PLACEHOLDERS.map((p) => [p, dictionaries[lang][`forms.placeholder.${p}.token` as MessageKey]]),
    ) as PlaceholderTokens;

  it("every placeholder has a label and a token in both languages, none shared by two placeholders", () => {
    const seen = new Map<string, string>();
    for (const lang of ["sv", "en"] as const) {
      for (const p of PLACEHOLDERS) {
        const label = dictionaries[lang][`forms.placeholder.${p}.label` as MessageKey];
        expect(label, `${lang} ${p}`).toBeTruthy();
        const token = tokens(lang)[p];
        expect(token, `${lang} ${p}`).toMatch(/^[^{}\n]+$/);
        // A token (or a neutral name) stands for one placeholder in every language.
        for (const name of [token, p]) {
          expect(seen.get(name) ?? p, `${lang} ${name}`).toBe(p);
          seen.set(name, p);
        }
      }
    }
  });

  it("round-trips through the shown form and reads either language's tokens back", () => {
    const stored = "{network} möts {meetings_words} gånger; {okänd} och {group} stannar som de är.";
    const sv = toShown(stored, tokens("sv"));
    expect(sv).toBe("{nätverk} möts {antal möten i ord} gånger; {okänd} och {grupp} stannar som de är.");
    const all = [tokens("sv"), tokens("en")];
    expect(toStored(sv, all)).toBe(stored);
    expect(toStored(toShown(stored, tokens("en")), all)).toBe(stored);
    expect(toStored("{ grupp } och {group description}", all)).toBe("{group} och {group_description}");
  });
});
