// Runs the end-to-end test files (all *.test.mjs in alphabetical order, or those named), each in
// its own WebDriver session (a fresh start of the app) against a running tauri-driver.
//
// Environment: E2E_APP (the app binary, required), E2E_WEBDRIVER_URL (default
// http://127.0.0.1:4444), E2E_SCREENSHOTS (directory for PNGs, default
// <repo>/target/e2e-screenshots). Ends with "N passed, M failed"; exits non-zero on failure.
// The session is always quit, so WebKitWebDriver (one session at a time) stays usable.

import { readdirSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { isDeepStrictEqual } from "node:util";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Session, waitForServer } from "./webdriver.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "../..");
const base = process.env.E2E_WEBDRIVER_URL ?? "http://127.0.0.1:4444";
const app = process.env.E2E_APP;
const shotDir = process.env.E2E_SCREENSHOTS ?? path.join(repoRoot, "target", "e2e-screenshots");
const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync(here).filter((f) => f.endsWith(".test.mjs")).sort();

if (!app) {
  console.error("E2E_APP must name the app binary (tests/e2e/run.sh sets it)");
  process.exit(2);
}

const expect = {
  equal(actual, expected, what = "value") {
    if (actual !== expected) {
      throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
    }
  },
  deepEqual(actual, expected, what = "value") {
    if (!isDeepStrictEqual(actual, expected)) {
      throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
    }
  },
  match(actual, pattern, what = "text") {
    if (typeof actual !== "string" || !pattern.test(actual)) {
      throw new Error(`${what}: ${JSON.stringify(actual)} does not match ${pattern}`);
    }
  },
};

let passed = 0;
let failed = 0;
let session;
const started = Date.now();

const startSession = () =>
  Session.start(base, {
    browserName: "wry",
    "tauri:options": { application: app },
  });

const quitSession = async () => {
  if (!session) return;
  try {
    await session.quit();
  } catch (err) {
    console.log(`  (could not quit the WebDriver session: ${err.message})`);
  }
  session = undefined;
};

const screenshot = async (name) => {
  const file = path.join(shotDir, `${name}.png`);
  await writeFile(file, await session.screenshot());
  return file;
};

try {
  await waitForServer(base);
  await mkdir(shotDir, { recursive: true });

  for (const file of files) {
    const { tests } = await import(path.resolve(here, file));
    console.log(`# ${file}`);
    // Each file starts the app afresh (its own session), so no file depends on where the
    // previous one left the window. The register on disk is shared, in alphabetical order.
    await quitSession();
    session = await startSession();
    await session.setTimeouts({ script: 30_000, pageLoad: 30_000, implicit: 0 });
    for (const test of tests) {
      const t0 = Date.now();
      const notes = [];
      try {
        await test.run({ session, expect, screenshot, log: (m) => notes.push(m) });
        passed++;
        console.log(`  ✓ ${test.name} (${Date.now() - t0} ms)`);
      } catch (err) {
        failed++;
        console.log(`  ✗ ${test.name} (${Date.now() - t0} ms)`);
        console.log(`    ${String(err?.stack ?? err).split("\n").join("\n    ")}`);
        try {
          await screenshot(`FAILED-${test.name.replace(/[^\w-]+/g, "_").slice(0, 60)}`);
        } catch {
          // the failure itself is what matters
        }
      }
      for (const note of notes) console.log(`    note: ${note}`);
    }
  }
} catch (err) {
  failed++;
  console.log(`  ✗ harness: ${String(err?.stack ?? err)}`);
} finally {
  await quitSession();
}

console.log(`\nscreenshots: ${shotDir}`);
console.log(`e2e took ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
