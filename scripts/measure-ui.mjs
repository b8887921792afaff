// The app's screens timed at one register size, for scripts/measure-ui.sh (issue #18): RUNS
// fresh starts of the app through tauri-driver, each measuring
//   - launch:  from asking for the session (the app starts) until Översikt shows its counts;
//   - each list screen: from the click in the navigation until the screen has stopped
//     changing (the time of its last DOM change, once nothing has changed for QUIET ms);
//   - search:  five keys typed into Organisationer's search, 80 ms apart as a person types
//     them: from the last key until the list has stopped changing;
//   - last row: End pressed on Organisationer's first row until the last row is focused and
//     shows its organisation.
// The screens are timed inside the page (performance.now and a MutationObserver), so no
// WebDriver round trip is in a figure except the launch's. Prints one JSON object: each
// figure's runs in ms.
//
// Usage: node scripts/measure-ui.mjs   (E2E_WEBDRIVER_URL, E2E_APP, RUNS, QUIET from the
// environment; see scripts/measure-ui.sh)

import { Session, waitForServer } from "../tests/e2e/webdriver.mjs";

const base = process.env.E2E_WEBDRIVER_URL ?? "http://127.0.0.1:4444";
const app = process.env.E2E_APP;
const runs = Number(process.env.RUNS ?? 5);
const quiet = Number(process.env.QUIET ?? 300);
const SCREENS = ["organisations", "people", "groups", "meetings", "coverage", "forms", "log"];
// Five keys whose last narrows the list at every size (the generated names end "organisation N").
const SEARCH = "ion 7";

// In the page: performs `action` (a function body), then resolves with the ms from the action
// to the last change of the page, once `root` (a selector) is there, `ready` (a function body
// returning a boolean) holds and nothing has changed for `quiet` ms. Gives up after 60 s. The
// bodies are written into the script (the app's content security policy allows no eval).
const timedScript = (action, ready) => `
  const [rootSel, quiet, done] = arguments;
  const isReady = () => { ${ready} };
  let t0 = performance.now();
  let last = t0;
  const observer = new MutationObserver(() => { last = performance.now(); });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  Promise.resolve((() => { ${action} })()).then((start) => {
    // An action may name its own start (the search: its last key).
    if (typeof start === "number") t0 = start;
    const deadline = t0 + 60000;
    const check = () => {
      const now = performance.now();
      if (document.querySelector(rootSel) && isReady() && now - last >= quiet) {
        observer.disconnect();
        return done({ ms: Math.max(0, Math.round(last - t0)) });
      }
      if (now > deadline) {
        observer.disconnect();
        return done({ error: "not ready after 60 s: " + rootSel });
      }
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
`;

async function timed(session, root, action, ready) {
  const r = await session.executeAsync(timedScript(action, ready), [root, quiet]);
  if (r.error) throw new Error(r.error);
  return r.ms;
}

const figures = {};
const add = (name, ms) => (figures[name] ??= []).push(ms);

await waitForServer(base);
for (let run = 0; run < runs; run++) {
  const t0 = Date.now();
  const session = await Session.start(base, { browserName: "wry", "tauri:options": { application: app } });
  try {
    await session.setTimeouts({ script: 120_000 });
    await session.waitFor(
      "Översikt's counts",
      () =>
        session.execute(
          `const e = document.querySelector('[data-testid="vacancy-counts"]');
           return e !== null && /\\d/.test(e.innerText);`,
        ),
      120_000,
      20,
    );
    add("launch to Översikt with data", Date.now() - t0);

    for (const route of SCREENS) {
      const ms = await timed(
        session,
        `[data-screen="${route}"] h1`,
        `document.querySelector('nav a[data-route="${route}"]').click();`,
        `return document.querySelector('[data-screen="${route}"] [aria-busy="true"]') === null;`,
      );
      add(`open ${route}`, ms);
    }

    // Back to Organisationer for the search and the last row.
    await timed(
      session,
      '[data-testid="org-table"] tbody tr[data-index="0"]',
      `document.querySelector('nav a[data-route="organisations"]').click();`,
      "return true;",
    );
    const searchMs = await timed(
      session,
      '[data-testid="org-count"]',
      `const input = document.querySelector("#orgs-search");
       input.focus();
       return (async () => {
         let start = 0;
         for (let i = 1; i <= ${SEARCH.length}; i++) {
           await new Promise((r) => setTimeout(r, 80));
           start = performance.now();
           input.value = ${JSON.stringify(SEARCH)}.slice(0, i);
           input.dispatchEvent(new Event("input", { bubbles: true }));
         }
         return start;
       })();`,
      "return true;",
    );
    add(`search: the list after the last of ${SEARCH.length} keys`, searchMs);
    // The list whole again, then to its last row from the keyboard.
    await timed(
      session,
      '[data-testid="org-count"]',
      `const input = document.querySelector("#orgs-search");
       input.value = "";
       input.dispatchEvent(new Event("input", { bubbles: true }));`,
      "return true;",
    );
    const lastMs = await timed(
      session,
      '[data-testid="org-table"]',
      `const link = document.querySelector('[data-testid="org-table"] tbody tr[data-index="0"] a');
       link.focus();
       link.dispatchEvent(new KeyboardEvent("keydown", { key: "End", bubbles: true }));`,
      `const table = document.querySelector('[data-testid="org-table"] table');
       const total = Number(table.getAttribute("aria-rowcount"));
       const row = document.activeElement && document.activeElement.closest("tr[data-index]");
       return row !== null && Number(row.getAttribute("aria-rowindex")) === total
         && !/Hämtar|Fetching/.test(row.innerText);`,
    );
    add("Organisationer: End to the last row", lastMs);
  } finally {
    await session.quit();
  }
  process.stderr.write(`  run ${run + 1}/${runs} done\n`);
}
console.log(JSON.stringify(figures));
