// Values at their length limits on the screens: an organisation and a person whose names are
// 120 characters (one unbroken word, the worst case), with a 254-character e-mail address.
// The organisation list keeps every column, the group page keeps its buttons, the person's
// page keeps its actions, all inside the window; and a name one character too long is
// counted as it is typed and refused with the limit. Screenshots are saved as limits-*.png.

import { ipc, open, click, waitText, setValue, settle, dismissToasts } from "./helpers.mjs";

const LIMIT = 120;
/** One unbroken word of `n` characters. */
const unbroken = (n, seed = "Åbergsköldström") => seed.repeat(Math.ceil(n / seed.length)).slice(0, n);
const ORG = unbroken(LIMIT, "Stiftelsenödegård");
const PERSON = unbroken(LIMIT - 1) + "P";
const EMAIL = `${"a".repeat(64)}@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(58)}.se`;

const ctx = {};

/**
 * The shown elements matching `selector` that are not wholly inside the window: a control
 * pushed out of view by a long value. Returns their descriptions.
 */
async function outside(session, selector) {
  return session.execute(
    `return [...document.querySelectorAll(arguments[0])].filter((e) => {
       const r = e.getBoundingClientRect();
       // Hidden on purpose (a closed dialog, the list behind a detail page): not shown at all.
       if (r.width === 0 && r.height === 0) return false;
       return r.left < 0 || r.right > window.innerWidth + 0.5;
     }).map((e) => (e.getAttribute("aria-label") || e.textContent).trim().slice(0, 60) + " @" +
       Math.round(e.getBoundingClientRect().left) + ".." + Math.round(e.getBoundingClientRect().right));`,
    [selector],
  );
}

/**
 * What makes the page scroll sideways: the innermost shown elements reaching past the
 * window's right edge (empty when nothing does).
 */
async function scrollsSideways(session) {
  return session.execute(`
    const w = window.innerWidth;
    const wide = [...document.querySelectorAll("body *")].filter((e) => {
      const r = e.getBoundingClientRect();
      if (r.width === 0 || r.right <= w + 1) return false;
      // Inside a scrolling box that holds it (a table's wrapper), it does not widen the page.
      for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
        if (/(auto|scroll|hidden)/.test(getComputedStyle(p).overflowX)) return p.getBoundingClientRect().right > w + 1;
      }
      return true;
    });
    const innermost = wide.filter((e) => !wide.some((o) => o !== e && e.contains(o)));
    return innermost.map((e) => e.tagName + "." + e.className + " " + (e.textContent || "").trim().slice(0, 30) + " @" + Math.round(e.getBoundingClientRect().right)).join("; ");`);
}

export const tests = [
  {
    name: "limits: an organisation and a person at the name limit keep every column and button",
    async run({ session, expect, screenshot }) {
      await session.waitForElement('[data-screen="overview"] h1', 20_000);
      const county = (await ipc(session, "list_groups")).find((g) => g.group.name === "Länsgruppen MVK").group;
      ctx.county = county.id;
      const org = await ipc(session, "add_org", {
        draft: { name: ORG, short_name: null, kind: "non_profit", org_number: null, postal_address: null, email: null, phone: null, notes: null, active: true },
        groups: [county.id],
      });
      ctx.org = org.id;
      const person = await ipc(session, "add_person", {
        draft: { name: PERSON, title: unbroken(LIMIT, "Verksamhetssamordnare"), organisation_id: org.id, email: EMAIL, phone: null, protected: false, notes: null },
      });
      ctx.person = person.id;
      await ipc(session, "appoint", {
        request: { person_id: person.id, group_id: county.id, role: "representative", seat_id: null, organisation_id: null, from: "2026-01-01", to: null, replace: false },
      });

      await open(session, "organisations");
      await setValue(session, "#orgs-search", ORG.slice(0, 20));
      await waitText(session, '[data-screen="organisations"] tbody', /Stiftelsenödegård/, "the long name in the list");
      await settle(session);
      expect.deepEqual(await outside(session, '[data-screen="organisations"] thead th'), [], "every column of the list is in the window");
      expect.equal(await scrollsSideways(session), "", "the list does not scroll sideways");
      await screenshot("limits-01-organisations");

      await session.execute("location.hash = arguments[0];", [`#/groups/${county.id}`]);
      await session.waitForElement('[data-testid="seat-table"]', 20_000);
      await setValue(session, '[data-testid="seat-search"]', ORG.slice(0, 20));
      await waitText(session, '[data-testid="seat-table"] tbody', /Åbergsköld/, "the long holder on the group page");
      await settle(session);
      expect.deepEqual(await outside(session, '[data-testid="seat-table"] tbody button'), [], "every button of the seat rows is in the window");
      expect.deepEqual(await outside(session, '[data-testid="seat-table"] thead th'), [], "every column of the seats is in the window");
      expect.equal(await scrollsSideways(session), "", "the group page does not scroll sideways");
      await screenshot("limits-02-group-page");

      await session.execute("location.hash = arguments[0];", [`#/people/${person.id}`]);
      await waitText(session, "main", /aaaaaaaa@bbbb/, "the person's page with the long address");
      await settle(session);
      expect.deepEqual(await outside(session, "main button"), [], "every button of the person's page is in the window");
      expect.equal(await scrollsSideways(session), "", "the person's page does not scroll sideways");
      await screenshot("limits-03-person");

      await session.execute("location.hash = arguments[0];", [`#/organisations/${org.id}`]);
      await waitText(session, "main", /Stiftelsenödegård/, "the organisation's page");
      await settle(session);
      expect.deepEqual(await outside(session, "main button"), [], "every button of the organisation's page is in the window");
      expect.equal(await scrollsSideways(session), "", "the organisation's page does not scroll sideways");
      await screenshot("limits-04-organisation");
    },
  },
  {
    name: "limits: a name one character too long is counted as it is typed and refused with the limit",
    async run({ session, expect, screenshot }) {
      await session.execute("location.hash = arguments[0];", ["#/organisations/new"]);
      const input = '[data-testid="org-form"] input[id$="-name"][data-limit]';
      await session.waitForElement(input);
      await setValue(session, "#org-kind", "non_profit");
      await setValue(session, input, unbroken(LIMIT - 10));
      await waitText(session, ".char-count", /110 av högst 120 tecken/, "the count near the limit");
      await setValue(session, input, unbroken(LIMIT + 1));
      const over = await waitText(session, ".char-count.over", /Högst 120 tecken: 1 för många/, "the message past the limit");
      expect.match(over, /1 för många/, "how many too many");
      expect.equal(await session.execute("return document.querySelector(arguments[0]).value.length;", [input]), LIMIT + 1, "nothing is cut");
      await settle(session);
      await screenshot("limits-05-too-long");
      await click(session, '[data-testid="org-form"] button[type="submit"]');
      await waitText(session, "main", /högst 120 tecken/, "the core's refusal with the limit");
      const orgs = await ipc(session, "list_orgs", { query: { text: unbroken(30) } });
      expect.equal(orgs.some((o) => [...o.name].length > LIMIT), false, "nothing was saved");
      await dismissToasts(session);
    },
  },
];
