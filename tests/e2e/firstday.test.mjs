// The coordinator's first day on a fresh Dalarna register: Översikt says where to begin (a
// checklist ticked as each step is done); a new representative is appointed from Översikt
// with a new person made in the appoint dialog, and the clicks and keystrokes it takes are
// counted; and every screen is looked at in the default 1200×800 window and in 1024×700, with
// nothing scrolled on opening, nothing wider than the window, and no button out of view.
// Screenshots are saved as firstday-*.png (one per screen and size).

import { ipc, open, click, waitText, setValue, settle, dismissToasts } from "./helpers.mjs";

const ORG = "Falu kommun";
const NEW = { name: "Sara Nyberg", title: "Socialsekreterare", email: "sara.nyberg@falun.se" };
const DIALOG = "dialog[open]";

/** What the coordinator did, counted as she would: clicks, and keys typed. */
const effort = { clicks: 0, keys: 0 };
async function userClick(session, selector) {
  effort.clicks += 1;
  await click(session, selector);
}
async function userType(session, selector, text) {
  effort.keys += [...text].length + 1; // the text, and Tab to the next field
  await setValue(session, selector, text);
}

/** Problems a screen shows at this window size; empty when it is sound. */
async function layoutProblems(session) {
  return session.execute(`
    const out = [];
    const w = window.innerWidth;
    const main = document.querySelector("main");
    const scrolled = [document.scrollingElement, main].filter((e) => e && e.scrollTop > 0);
    if (scrolled.length) out.push("opened scrolled: " + scrolled.map((e) => e.tagName + "@" + e.scrollTop).join(", "));
    if (document.documentElement.scrollWidth > w + 1) out.push("the page is wider than the window: " + document.documentElement.scrollWidth);
    if (main && main.scrollWidth > main.clientWidth + 1) out.push("main scrolls sideways: " + main.scrollWidth + " > " + main.clientWidth);
    const header = document.querySelector("header");
    if (header && header.getBoundingClientRect().top < 0) out.push("the header is cut");
    for (const b of document.querySelectorAll("main button, main a.button, main input, main select, main textarea")) {
      const r = b.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue; // hidden on purpose
      if (b.closest("dialog:not([open])")) continue;
      let clipped = false;
      for (let p = b.parentElement; p && p !== document.body; p = p.parentElement) {
        const s = getComputedStyle(p);
        if (/(auto|scroll|hidden)/.test(s.overflowX)) {
          const pr = p.getBoundingClientRect();
          if (r.right > pr.right + 1 || r.left < pr.left - 1) clipped = true;
          break;
        }
      }
      if (r.right > w + 0.5 || r.left < -0.5 || clipped) {
        out.push("out of view: " + (b.getAttribute("aria-label") || b.textContent || b.id || b.tagName).trim().slice(0, 40));
      }
    }
    return out;`);
}

export const tests = [
  {
    name: "first day: Översikt on a register with no people shows where to begin",
    async run({ session, expect, screenshot }) {
      await session.waitForElement('[data-screen="overview"] h1', 20_000);
      const text = await waitText(session, '[data-testid="first-steps"]', /0 av 4 steg klara/, "the checklist");
      for (const step of ["Dina egna uppgifter", "Representanterna", "Uppdragsblanketterna", "Årets möten"]) {
        expect.match(text, new RegExp(step), step);
      }
      await settle(session);
      await screenshot("firstday-01-checklist");
      // The first step's link opens the organiser's details on Möten, ready to fill in.
      await click(session, '[data-testid="first-steps"] a[href="#/meetings/organiser"]');
      await session.waitFor("the organiser's form, open and focused", () =>
        session.execute("return document.activeElement && document.activeElement.id === 'organiser-name';"),
      );
      await setValue(session, "#organiser-name", "Karin Samordnare");
      await setValue(session, "#organiser-email", "karin.samordnare@lansstyrelsen.se");
      await click(session, '[data-testid="organiser"] button[type="submit"]');
      await waitText(session, ".toast", /Samordnarens uppgifter är sparade/, "saved");
      // The message stands at the foot of the navigation, over no button of the screen.
      const covered = await session.execute(`
        const t = document.querySelector(".toast").getBoundingClientRect();
        return [...document.querySelectorAll("main button, main a, main input")].filter((b) => {
          const r = b.getBoundingClientRect();
          return r.width > 0 && r.left < t.right && t.left < r.right && r.top < t.bottom && t.top < r.bottom;
        }).map((b) => (b.textContent || b.id).trim().slice(0, 30));`);
      expect.deepEqual(covered, [], "no control of the screen under the message");
      await settle(session);
      await screenshot("firstday-01b-saved-message");
      await dismissToasts(session);
      await open(session, "overview");
      await waitText(session, '[data-testid="first-steps"]', /1 av 4 steg klara/, "the first step ticked");
    },
  },
  {
    name: "first day: a new representative with a new person, from Översikt, in few steps",
    async run({ session, expect, screenshot, log }) {
      await open(session, "overview");
      const [falun] = await ipc(session, "list_orgs", { query: { text: ORG } });
      const county = (await ipc(session, "list_groups")).find((g) => g.group.name === "Länsgruppen MVK").group;
      effort.clicks = 0;
      effort.keys = 0;
      // Översikt → the group's page for Falu kommun → "Utse" on its representative's seat.
      await userClick(session, `section[data-group="${county.id}"] tr[data-org="${falun.id}"] [data-testid="appoint-link"]`);
      await session.waitForElement('[data-testid="seat-table"]', 20_000);
      // The link scrolls the screen to the organisation's seats, not the whole window: the
      // header stays in view and no grey band appears under the app.
      await settle(session);
      const window_ = await session.execute(
        "return { scrolled: document.scrollingElement.scrollTop, header: document.querySelector('header').getBoundingClientRect().top, body: document.body.getBoundingClientRect().height, inner: window.innerHeight };",
      );
      expect.equal(window_.scrolled, 0, "the window itself is not scrolled");
      expect.equal(window_.header, 0, "the header is in view");
      expect.equal(window_.body <= window_.inner + 1, true, `the app fills the window exactly (${window_.body} of ${window_.inner})`);
      await screenshot("firstday-02a-group-page-from-overview");
      await userClick(session, `button[aria-label="Utse representant för ${ORG}"]`);
      await session.waitForElement(`${DIALOG} [data-testid="appoint-form"]`);
      await userClick(session, `${DIALOG} [data-testid="appoint-new-person-toggle"]`);
      await session.waitForElement(`${DIALOG} [data-testid="appoint-new-person"]`);
      const legend = await waitText(session, `${DIALOG} [data-testid="appoint-new-person"] legend`, /Ny person i Falu kommun/, "the organisation set");
      expect.match(legend, /Falu kommun/, "the new person's organisation");
      await userType(session, `${DIALOG} input[id$="-new-name"]`, NEW.name);
      await userType(session, `${DIALOG} input[id$="-new-title"]`, NEW.title);
      await userType(session, `${DIALOG} input[id$="-new-email"]`, NEW.email);
      await settle(session);
      await screenshot("firstday-02-appoint-new-person");
      await userClick(session, `${DIALOG} [data-testid="appoint-submit"]`);
      await session.waitFor("the dialog to close", async () => (await session.findAll(DIALOG)).length === 0);
      await waitText(session, '[data-testid="seat-table"]', /Sara Nyberg/, "the seat filled");
      const people = await ipc(session, "list_people", { query: { text: "Nyberg" } });
      expect.equal(people.length, 1, "one new person");
      expect.equal(people[0].organisation_id, falun.id, "of Falu kommun");
      expect.equal(people[0].title, NEW.title, "with her title");
      // Typing the person's own details is the data; the steps around it are the cost.
      const dataKeys = [NEW.name, NEW.title, NEW.email].reduce((n, s) => n + [...s].length, 0);
      log(`appointing a new representative with a new person from Översikt: ${effort.clicks} clicks, ${effort.keys} keystrokes (${dataKeys} of them the person's name, title and e-mail, ${effort.keys - dataKeys} Tab)`);
      expect.equal(effort.clicks <= 4, true, `at most four clicks (${effort.clicks})`);
      await dismissToasts(session);
      await open(session, "overview");
      await waitText(session, '[data-testid="first-steps"]', /2 av 4 steg klara/, "the representatives' step ticked");
    },
  },
  {
    name: "first day: every screen at 1200×800 and 1024×700 opens unscrolled, within the window",
    async run({ session, expect, screenshot, log }) {
      const county = (await ipc(session, "list_groups")).find((g) => g.group.name === "Länsgruppen MVK").group;
      const [person] = await ipc(session, "list_people", { query: { text: "Nyberg" } });
      const [falun] = await ipc(session, "list_orgs", { query: { text: ORG } });
      const screens = [
        ["overview", "#/overview"],
        ["organisations", "#/organisations"],
        ["organisation", `#/organisations/${falun.id}`],
        ["people", "#/people"],
        ["person", `#/people/${person.id}`],
        ["groups", "#/groups"],
        ["group", `#/groups/${county.id}`],
        ["meetings", "#/meetings"],
        ["coverage", "#/coverage"],
        ["forms", "#/forms"],
        ["backups", "#/backups"],
        ["log", "#/log"],
        ["retention", "#/retention"],
        ["import", "#/import"],
        ["report", "#/report"],
        ["settings", "#/settings"],
      ];
      const problems = [];
      for (const [width, height] of [[1200, 800], [1024, 700]]) {
        await session.setWindowRect({ width, height });
        await session.waitFor(`the window at ${width}×${height}`, () =>
          session.execute("return Math.abs(window.outerWidth - arguments[0]) < 40;", [width]),
        );
        for (const [name, hash] of screens) {
          await session.execute("location.hash = arguments[0];", [hash]);
          await session.waitFor(`${name} to show`, () =>
            session.execute(
              "return [...document.querySelectorAll('main h1')].some((h) => h.getBoundingClientRect().height > 0) && !document.querySelector('.net-loading, .reg-loading');",
            ),
          );
          await settle(session);
          const found = await layoutProblems(session);
          if (found.length) problems.push(`${name} at ${width}×${height}: ${found.join("; ")}`);
          await screenshot(`firstday-screen-${width}x${height}-${name}`);
        }
      }
      await session.setWindowRect({ width: 1200, height: 800 });
      for (const p of problems) log(p);
      expect.deepEqual(problems, [], "every screen is sound at both sizes");
    },
  },
];
