// Accessibility check of the current screen with axe-core, injected into the real web view.

import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve("axe-core/axe.min.js");

let axeSource;

/** Loads axe-core into the page unless it is there already. */
export async function injectAxe(session) {
  const present = await session.execute("return typeof window.axe === 'object';");
  if (present) return;
  axeSource ??= await readFile(AXE_PATH, "utf8");
  // axe.min.js is a UMD bundle: inside the function body WebDriver wraps it in, it finds
  // no module system and sets window.axe.
  await session.execute(`${axeSource}\nreturn typeof window.axe;`);
}

/**
 * Waits until the page's finite animations (a toast fading in) have finished: axe measures
 * colour contrast with the opacity of the moment, so a half-faded toast reads as a violation.
 */
async function finishAnimations(session) {
  await session.executeAsync(`
    const done = arguments[arguments.length - 1];
    const running = document.getAnimations().filter((a) => {
      const timing = a.effect && a.effect.getComputedTiming();
      return timing && Number.isFinite(timing.endTime);
    });
    Promise.race([
      Promise.all(running.map((a) => a.finished.catch(() => undefined))),
      new Promise((resolve) => setTimeout(resolve, 2000)),
    ]).then(() => done(true));
  `);
}

/**
 * Runs axe on the whole document and returns its violations (id, impact, help, targets).
 * Tags: WCAG 2.x A and AA, plus axe's best practices.
 */
export async function runAxe(session) {
  await injectAxe(session);
  await finishAnimations(session);
  const json = await session.executeAsync(`
    const done = arguments[arguments.length - 1];
    window.axe
      .run(document, {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
        resultTypes: ["violations"],
      })
      .then((r) => done(JSON.stringify(r.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help,
        targets: v.nodes.map((n) => n.target.join(" ")).slice(0, 5),
      })))))
      .catch((e) => done(JSON.stringify({ error: String(e && e.stack || e) })));
  `);
  const result = JSON.parse(json);
  if (!Array.isArray(result)) throw new Error(`axe failed in the page: ${result.error}`);
  return result;
}

/** Fails on serious or critical violations; returns the milder ones for the log. */
export async function assertAccessible(session, where) {
  const violations = await runAxe(session);
  const blocking = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  if (blocking.length > 0) {
    const lines = blocking.map((v) => `  [${v.impact}] ${v.id}: ${v.help} — ${v.targets.join(", ")}`);
    throw new Error(`axe found ${blocking.length} serious/critical violation(s) on ${where}:\n${lines.join("\n")}`);
  }
  return violations;
}
