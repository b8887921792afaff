// The native file dialogs, always with a title in the user's language (without one the
// system says "Open File" or "Save File" in English), and with a hook for the end-to-end
// tests, which cannot drive a native dialog: a path given beforehand through
// `window.__samverkanTestPaths` is used instead (set by the test through WebDriver; the app
// never sets it itself).

import { open, save } from "@tauri-apps/plugin-dialog";

export interface TestPaths {
  /** Used instead of the save dialog. */
  save?: string;
  /** Used instead of the folder dialog. */
  dir?: string;
  /** Used instead of the open-file dialog. */
  open?: string;
}

declare global {
  interface Window {
    __samverkanTestPaths?: TestPaths;
  }
}

export function testPaths(): TestPaths | undefined {
  return typeof window === "undefined" ? undefined : window.__samverkanTestPaths;
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

/** Asks where to save a file; null when the user cancels. */
export async function chooseSaveFile(title: string, defaultName: string, filter: FileFilter): Promise<string | null> {
  const hook = testPaths()?.save;
  if (hook) return hook;
  return save({ title, defaultPath: defaultName, filters: [filter] });
}

/** Asks for a file to read; null when the user cancels. */
export async function chooseOpenFile(title: string, filter: FileFilter): Promise<string | null> {
  const hook = testPaths()?.open;
  if (hook) return hook;
  const picked = await open({ title, multiple: false, directory: false, filters: [filter] });
  return typeof picked === "string" ? picked : null;
}

/** Asks for a folder; null when the user cancels. */
export async function chooseDir(title: string): Promise<string | null> {
  const hook = testPaths()?.dir;
  if (hook) return hook;
  const picked = await open({ title, directory: true, multiple: false });
  return typeof picked === "string" ? picked : null;
}
