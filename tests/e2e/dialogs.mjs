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
