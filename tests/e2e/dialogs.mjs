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
  // Centred first: scrolled to the bottom edge, a button can sit under a toast.
  await button.session.execute("arguments[0].scrollIntoView({ block: 'center' });", [button]);
  await button.click();
  const win = x("search", "--sync", "--onlyvisible", "--name", "^Spara ").split("\n").pop();
  x("windowfocus", "--sync", win);
  await new Promise((r) => setTimeout(r, 400));
  x("key", "--window", win, "ctrl+a");
  x("type", "--window", win, "--delay", "20", file);
  x("key", "--window", win, "Return");
}
