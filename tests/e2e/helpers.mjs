// What every e2e test file does to the app: call a command over IPC, open a screen, click,
// read and wait for text, set a form control the way typing does, let the page settle,
// dismiss toasts, run axe, and read a PDF's text.

import { execFileSync } from "node:child_process";
import { assertAccessible } from "./axe.mjs";

/** Calls a Tauri command from inside the page; throws with the command's `{code, message}`. */
export async function ipc(session, cmd, args = {}) {
  const json = await session.executeAsync(
    `const done = arguments[arguments.length - 1];
     window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1])
       .then((r) => done(JSON.stringify({ ok: r })), (e) => done(JSON.stringify({ err: e })));`,
    [cmd, args],
  );
  const result = JSON.parse(json);
  if ("err" in result) throw new Error(`${cmd}: ${JSON.stringify(result.err)}`);
  return result.ok;
}

/** Opens a screen from the navigation and waits for its heading. */
export async function open(session, route) {
  await (await session.waitForElement(`nav a[data-route="${route}"]`)).click();
  return session.waitForElement(`[data-screen="${route}"] h1`);
}

/**
 * Clicks the element once it is there and enabled, as a person would: a button disabled while
 * the screen is busy (say, reading a file again) is waited for, not clicked too early.
 */
export async function click(session, selector) {
  await session.waitFor(`${selector} to be there and enabled`, () =>
    session.execute("const e = document.querySelector(arguments[0]); return e !== null && !e.disabled;", [selector]),
  );
  await (await session.waitForElement(selector)).click();
}

/** The element's text as shown, or null when there is no such element. */
export const innerText = (session, selector) =>
  session.execute("const e = document.querySelector(arguments[0]); return e ? e.innerText : null;", [selector]);

/** Waits until the element's text matches `pattern`, and returns the text. */
export async function waitText(session, selector, pattern, what, timeout) {
  return session.waitFor(
    what ?? `${selector} to match ${pattern}`,
    async () => {
      const text = await innerText(session, selector);
      return text !== null && pattern.test(text) ? text : null;
    },
    timeout,
  );
}

/**
 * Sets a form control's value the way typing or choosing does, so Svelte's binding sees it. A
 * select's option is found by its value or its text.
 */
export async function setValue(session, selector, value) {
  await session.execute(
    `const el = document.querySelector(arguments[0]);
     if (!el) throw new Error("no " + arguments[0]);
     if (el.tagName === "SELECT") {
       const option = [...el.options].find((o) => o.value === arguments[1] || o.textContent.trim() === arguments[1]);
       if (!option) throw new Error("no option " + arguments[1]);
       el.value = option.value;
       el.dispatchEvent(new Event("change", { bubbles: true }));
     } else {
       el.value = arguments[1];
       el.dispatchEvent(new Event("input", { bubbles: true }));
     }`,
    [selector, value],
  );
}

/** Two animation frames and a quarter second: the page has drawn what it was about to. */
export async function settle(session) {
  await session.executeAsync(
    "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 250)));",
  );
}

export async function dismissToasts(session) {
  await session.execute("document.querySelectorAll('.toast-close').forEach((b) => b.click());");
}

/** Fails on serious or critical axe violations; logs the milder ones. */
export async function axe(session, where, log) {
  const minor = await assertAccessible(session, where);
  if (minor.length) log(`axe on ${where} (moderate/minor): ${minor.map((v) => v.id).join(", ")}`);
}

/** The text of a PDF as pdftotext reads it (Debian: poppler-utils). */
export function pdfText(file) {
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}
