import { afterEach, describe, expect, it } from "vitest";
import { blocks, chooseDir, chooseSavePath, fillPlaceholders, safeFileName } from "./forms";

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
