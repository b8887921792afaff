// Native dialogs (GTK, outside the web view) answered the way a person does, with xdotool.
// Needs xdotool (Debian: apt-get install xdotool).

import { execFileSync } from "node:child_process";

/**
 * Clicks `button`, waits for the save dialog (a window titled "Spara …"), types the full path
 * into its name field and presses Enter.
 */
export async function answerSaveDialog(button, file) {
  const env = { ...process.env, DISPLAY: `:${process.env.E2E_DISPLAY ?? "99"}` };
  const x = (...args) => execFileSync("xdotool", args, { env, encoding: "utf8", timeout: 15_000 }).trim();
  // The click waits until the button is visible, enabled and not under a toast or a backdrop.
  await button.click();
  const win = x("search", "--sync", "--onlyvisible", "--name", "^Spara ").split("\n").pop();
  // Typed keys go to the focused window: wait until the dialog is it, as a person looks first.
  await button.session.waitFor("the save dialog to have the keyboard focus", () => {
    x("windowfocus", "--sync", win);
    return x("getwindowfocus") === win;
  }, 15_000, 200);
  x("key", "--window", win, "ctrl+a");
  x("type", "--window", win, "--delay", "20", file);
  x("key", "--window", win, "Return");
}

/**
 * Clicks `button`, waits for the folder dialog (a window whose title starts with `title`, such
 * as "Välj mapp"), leaves "Recent" for the home folder (Alt+Home), opens the location field
 * (Ctrl+L), types the folder's full path and presses Enter; when the dialog then only went
 * into the folder (GTK does so in some versions), its accept button ("Open", Alt+O) chooses
 * it, as a person presses it once it is shown. The folder must exist, as in a real dialog.
 */
export async function answerFolderDialog(button, dir, title = "Välj mapp") {
  const env = { ...process.env, DISPLAY: `:${process.env.E2E_DISPLAY ?? "99"}` };
  const x = (...args) => execFileSync("xdotool", args, { env, encoding: "utf8", timeout: 15_000 }).trim();
  const open = () => {
    try {
      return x("search", "--onlyvisible", "--name", `^${title}`) !== "";
    } catch {
      return false; // xdotool search exits 1 when no window matches
    }
  };
  await button.click();
  const win = x("search", "--sync", "--onlyvisible", "--name", `^${title}`).split("\n").pop();
  await button.session.waitFor("the folder dialog to have the keyboard focus", () => {
    x("windowfocus", "--sync", win);
    return x("getwindowfocus") === win;
  }, 15_000, 200);
  // It opens on "Recent", where typing searches: Alt+Home goes to a folder first, where Ctrl+L
  // gives the location field.
  x("key", "--window", win, "alt+Home");
  x("key", "--window", win, "ctrl+l");
  x("key", "--window", win, "ctrl+a");
  x("type", "--window", win, "--delay", "20", dir.replace(/\/+$/, ""));
  x("key", "--window", win, "Return");
  // Enter in the location field chooses the folder typed; some GTK versions only go into it
  // first, and then the dialog's accept button (Alt+O) chooses the folder shown.
  for (const [what, keys] of [["Enter", null], ["Alt+O", "alt+o"], ["Enter again", "Return"]]) {
    if (keys) x("key", "--window", win, keys);
    try {
      await button.session.waitFor(`the folder dialog to close after ${what}`, () => !open(), 3_000, 200);
      return;
    } catch {
      // still open: try the next way a person would
    }
  }
  let names = "";
  try {
    names = x("search", "--onlyvisible", "--name", ".").split("\n").map((w) => x("getwindowname", w)).join(" | ");
  } catch {
    // nothing visible
  }
  throw new Error(`the folder dialog did not close; visible windows: ${names}`);
}
