// Mandate forms in the UI: choosing where a form is saved, opening it, and filling the
// wording's placeholders for the preview.
//
// The dialogs are in `dialogs.ts` (with the end-to-end tests' hook).

import { chooseDir, chooseSaveFile, testPaths } from "./dialogs";
import { invoke } from "./api";

export { chooseDir };

/** A file name (a form's, an export's), safe on Windows (mirrors the core's `forms::file_name`). */
export function safeFileName(name: string): string {
  const cleaned = name
    .replace(/[^\p{L}\p{N} ._-]/gu, "-")
    .replace(/\s+/g, " ")
    .replace(/^[. -]+|[. -]+$/g, "")
    .slice(0, 80);
  return cleaned === "" ? "organisation" : cleaned;
}

/** Asks where to save a PDF; null when the user cancels. */
export async function chooseSavePath(title: string, defaultName: string, filterName: string): Promise<string | null> {
  return chooseSaveFile(title, defaultName, { name: filterName, extensions: ["pdf"] });
}

/**
 * Opens a file the register just saved in the system's viewer (not when a test chose the
 * path). The backend opens it, and only a file its export log records, wherever it was saved.
 */
export async function openFile(path: string): Promise<void> {
  if (testPaths()) return;
  await invoke("open_exported", { path });
}

/** Replaces `{name}` placeholders; one without a value becomes `blank`. */
export function fillPlaceholders(text: string, values: Record<string, string>, blank: string): string {
  return text.replace(/\{(\w+)\}/g, (_whole, name: string) =>
    Object.hasOwn(values, name) && values[name].trim() !== "" ? values[name] : blank,
  );
}

/** A section's text as paragraphs of prose and bullet lists, as the PDF lays it out. */
export type Block = { kind: "p"; text: string } | { kind: "ul"; items: string[] };

export function blocks(text: string): Block[] {
  const out: Block[] = [];
  for (const para of text.split("\n\n")) {
    let prose: string[] = [];
    let list: string[] = [];
    const flushProse = () => {
      if (prose.length) out.push({ kind: "p", text: prose.join(" ") });
      prose = [];
    };
    const flushList = () => {
      if (list.length) out.push({ kind: "ul", items: list });
      list = [];
    };
    for (const line of para.split("\n")) {
      const trimmed = line.trim();
      if (trimmed.startsWith("- ")) {
        flushProse();
        list.push(trimmed.slice(2));
      } else if (trimmed !== "") {
        flushList();
        prose.push(trimmed);
      }
    }
    flushProse();
    flushList();
  }
  return out;
}

/** The placeholders the core knows (`samverkan::forms::PLACEHOLDERS`). */
export const PLACEHOLDERS = [
  "network",
  "group",
  "group_description",
  "organisation",
  "meetings_per_year",
  "meetings_words",
  "representative",
  "substitute",
  "principal",
] as const;

export type Placeholder = (typeof PLACEHOLDERS)[number];

/**
 * The placeholders as the wording editor shows them, in the UI's language.
 *
 * The wording is stored with the core's language-neutral tokens (`{network}`), so that a
 * saved text prints the same whichever language the app is in. The editor shows each token
 * in the UI's language (`{nätverk}` in Swedish) and maps it back when saving: `toStored`
 * accepts the tokens of every UI language and the neutral ones, so a text begun in one
 * language and saved in another keeps its placeholders. A token nobody knows is left as
 * typed, for the core to refuse naming it.
 */
export type PlaceholderTokens = Record<Placeholder, string>;

const TOKEN = /\{([^{}\n]*)\}/g;

/** The stored (neutral) tokens replaced by the shown ones. */
export function toShown(text: string, shown: PlaceholderTokens): string {
  return tokensShown(text, PLACEHOLDERS, shown);
}

/** The shown tokens of any of `languages` (and the neutral ones) replaced by the neutral ones. */
export function toStored(text: string, languages: PlaceholderTokens[]): string {
  return tokensStored(text, PLACEHOLDERS, languages);
}

/**
 * `toShown` for any list of placeholders (the mandate form's, the e-mails'): each neutral
 * token of `names` becomes its shown token; others stay as typed.
 */
export function tokensShown<N extends string>(text: string, names: readonly N[], shown: Record<N, string>): string {
  return text.replace(TOKEN, (whole, name: string) =>
    (names as readonly string[]).includes(name) ? `{${shown[name as N]}}` : whole,
  );
}

/** `toStored` for any list of placeholders. */
export function tokensStored<N extends string>(text: string, names: readonly N[], languages: Record<N, string>[]): string {
  const back = new Map<string, N>();
  for (const p of names) back.set(p, p);
  for (const shown of languages) for (const p of names) back.set(shown[p], p);
  return text.replace(TOKEN, (whole, name: string) => {
    const p = back.get(name.trim());
    return p ? `{${p}}` : whole;
  });
}
