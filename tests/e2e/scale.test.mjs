// The app at 10,000 organisations (the register is built by scale.register.sh through the
// core): Översikt shows its counts and windows the empty seats; Organisationer and Personer
// put fewer than 200 rows in the DOM whatever the register holds, say the whole length to
// screen readers, reach the last row from the keyboard, and search in the core. Screenshots
// are named scale-*.

import { open, setValue, waitText } from "./helpers.mjs";

const END = "\uE010";
const DOWN = "\uE015";

/** The rows of a table in the DOM, its aria-rowcount, and the focused row's aria-rowindex. */
async function tableState(session, testid) {
  return session.execute(
    `const box = document.querySelector('[data-testid="' + arguments[0] + '"]');
     if (!box) return null;
     const table = box.querySelector("table");
     const focused = document.activeElement && document.activeElement.closest("tr[data-index]");
     return {
       rows: box.querySelectorAll("tbody tr").length,
       rowcount: Number(table.getAttribute("aria-rowcount")),
       focused: focused && box.contains(focused) ? Number(focused.getAttribute("aria-rowindex")) : null,
       focusedText: focused ? focused.innerText : null,
       focusedInView: focused
         ? (() => {
             const r = focused.getBoundingClientRect();
             return r.top >= 0 && r.bottom <= window.innerHeight + 1;
           })()
         : null,
     };`,
    [testid],
  );
}

async function expectWindowed(session, expect, testid, minRows) {
  const state = await session.waitFor(`${testid} with its rows`, async () => {
    const s = await tableState(session, testid);
    return s && s.rowcount > minRows ? s : null;
  }, 30_000);
  if (state.rows >= 200) throw new Error(`${testid}: ${state.rows} rows in the DOM (a window holds fewer than 200)`);
  return state;
}

/** Focuses the first row's link, then presses keys; waits until the last row has the focus. */
async function keyToLastRow(session, testid, rowcount) {
  await session.execute(
    `document.querySelector('[data-testid="' + arguments[0] + '"] tbody tr[data-index="0"] a').focus();`,
    [testid],
  );
  await session.pressKeys(DOWN);
  await session.waitFor(`${testid}: the second row focused`, async () => (await tableState(session, testid))?.focused === 3);
  await session.pressKeys(END);
  return session.waitFor(`${testid}: the last row focused`, async () => {
    const s = await tableState(session, testid);
    return s?.focused === rowcount ? s : null;
  }, 15_000);
}

export const tests = [
  {
    name: "Översikt at 10,000 organisations counts first and windows the empty seats",
    async run({ session, expect, screenshot }) {
      await session.waitForElement('[data-testid="vacancy-counts"]', 60_000);
      // Each count is a number above its words ("3353" / "platser saknar ersättare").
      const text = await waitText(
        session,
        '[data-testid="vacancy-counts"]',
        /\d{4}\s+platser saknar ersättare/,
        "the counts",
        60_000,
      );
      expect.match(text, /platser saknar ersättare/, "the counts");
      const state = await expectWindowed(session, expect, "missing-table", 3000);
      expect.equal(state.rows < 200, true, "rows of the empty seats in the DOM");
      await screenshot("scale-overview");
    },
  },
  {
    name: "Organisationer at 10,000: windowed, keyboard to the last row, search in the core",
    async run({ session, expect, screenshot }) {
      await open(session, "organisations");
      await waitText(session, '[data-testid="org-count"]', /^10000 organisationer visas/, "the count", 30_000);
      const state = await expectWindowed(session, expect, "org-table", 9999);
      expect.equal(state.rowcount, 10_001, "aria-rowcount (the header and 10,000 rows)");
      await keyToLastRow(session, "org-table", 10_001);
      // The last rows are fetched from the core when the window reaches them: a person waits
      // until the row shows its organisation instead of "Hämtar uppgifter …".
      const last = await session.waitFor("the last row's organisation", async () => {
        const s = await tableState(session, "org-table");
        return s && s.focused === 10_001 && /organisation/i.test(s.focusedText ?? "") ? s : null;
      }, 30_000);
      expect.equal(last.rows < 200, true, "rows in the DOM at the end");
      expect.equal(last.focusedInView, true, "the focused last row is in view");
      await screenshot("scale-organisations-last");

      await setValue(session, "#orgs-search", "ström organisation 99");
      await waitText(session, '[data-testid="org-count"]', /^\d{1,3} organisationer? visas/, "the count of the search", 15_000);
      const found = await tableState(session, "org-table");
      expect.equal(found.rowcount - 1 < 200, true, "a search for one name part finds few");
      await screenshot("scale-organisations-search");
    },
  },
  {
    name: "Personer at 10,000 organisations: windowed and keyboard to the last row",
    async run({ session, expect, screenshot }) {
      await open(session, "people");
      const state = await expectWindowed(session, expect, "people-table", 19_000);
      const last = await keyToLastRow(session, "people-table", state.rowcount);
      expect.equal(last.rows < 200, true, "rows in the DOM at the end");
      expect.equal(last.focusedInView, true, "the focused last row is in view");
      await screenshot("scale-people-last");
    },
  },
];
