// Seats on a fresh Dalarna register: the steering group's eight empty seats on Översikt (after
// the county group, open seats by what they are for), and an appointment to a "Socialchef"
// seat open to any municipality from the group's page, found with the seat search. Axe runs on
// the group's page; and the mandate form of a successor decided to start later, printed from
// the organisation's page before she starts. Screenshots are saved as seats-*.png.

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ipc, open, click, waitText, setValue, settle, dismissToasts, axe, pdfText } from "./helpers.mjs";

const STEERING = "Styrgrupp MVK";
const PERSON = "Maria Holm";
const DIALOG = "dialog[open]";

const ctx = { dir: mkdtempSync(join(tmpdir(), "samverkan-seats-e2e-")) };

/** The day `n` days after `day` (YYYY-MM-DD), computed without the machine's time zone. */
function addDays(day, n) {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export const tests = [
  {
    name: "seats: Översikt lists the steering group's empty seats, open seats by what they are for",
    async run({ session, expect, screenshot }) {
      await session.waitForElement('[data-screen="overview"] h1', 20_000);
      ctx.steering = (await ipc(session, "list_groups")).find((g) => g.group.name === STEERING).group.id;
      await open(session, "overview");
      const section = `section[data-group="${ctx.steering}"]`;
      const text = await waitText(session, section, /Socialchef \(valfri kommun\)/, "the steering group's seats");
      expect.match(text, /Skola\/elevhälsa \(valfri organisation\)/, "the named-member seat");
      expect.match(text, /Polismyndigheten/, "an organisation's member seat");
      const rows = await session.findAll(`${section} tbody tr`);
      expect.equal(rows.length, 8, "eight empty seats, one row each");
      const order = await session.execute(
        "return [...document.querySelectorAll('section.group h2')].map((h) => h.textContent.trim());",
      );
      expect.equal(order.indexOf("Länsgruppen MVK") < order.indexOf(STEERING), true, "the county group first");
      await settle(session);
      await screenshot("seats-01-overview");
    },
  },
  {
    name: "seats: a Socialchef seat of the steering group is filled from the group's page",
    async run({ session, expect, screenshot, log }) {
      const [falun] = await ipc(session, "list_orgs", { query: { text: "Falu kommun" } });
      await ipc(session, "add_person", {
        draft: { name: PERSON, title: "Socialchef", organisation_id: falun.id, email: null, phone: null, protected: false, notes: null },
      });
      await session.execute("location.hash = arguments[0];", [`#/groups/${ctx.steering}`]);
      await session.waitForElement('[data-testid="seat-table"]', 20_000);
      await setValue(session, '[data-testid="seat-search"]', "socialchef");
      await session.waitFor("two Socialchef seats", async () =>
        (await session.findAll('[data-testid="seat-table"] tbody tr')).length === 2);
      await click(session, 'button[aria-label^="Utse ledamot till plats"][aria-label$="Socialchef (valfri kommun)"]');
      await session.waitForElement(`${DIALOG} [data-testid="appoint-form"]`);
      await session.waitFor(`${PERSON} among the choices`, async () =>
        session.execute(
          `return [...document.querySelectorAll("${DIALOG} select option")].some((o) => o.textContent.includes(arguments[0]));`,
          [PERSON],
        ),
      );
      await setValue(session, `${DIALOG} select`, `${PERSON} (Falu kommun)`);
      await axe(session, "the appoint dialog for an open seat", log);
      await screenshot("seats-02-appoint-open-seat");
      await click(session, `${DIALOG} [data-testid="appoint-submit"]`);
      await session.waitFor("the dialog to close", async () => (await session.findAll(DIALOG)).length === 0);
      const row = await waitText(session, '[data-testid="seat-table"] tbody tr', new RegExp(PERSON), "the filled seat");
      expect.match(row, /Socialchef \(valfri kommun\)[\s\S]*Falu kommun/, "the seat and the organisation");
      await setValue(session, '[data-testid="seat-search"]', "");
      await dismissToasts(session);
      await waitText(session, '[data-testid="seat-summary"]', /8 platser, 7 vakanta/);
      await axe(session, "the steering group's page", log);
      await settle(session);
      await screenshot("seats-03-group-page");
    },
  },
  {
    name: "seats: a successor's mandate form is printed from the organisation's page before she starts",
    async run({ session, expect, screenshot }) {
      const [gagnef] = await ipc(session, "list_orgs", { query: { text: "Gagnefs kommun" } });
      const county = (await ipc(session, "list_groups")).find((g) => g.group.name === "Länsgruppen MVK").group;
      const person = (name) =>
        ipc(session, "add_person", {
          draft: { name, title: null, organisation_id: gagnef.id, email: null, phone: null, protected: false, notes: null },
        });
      const leaver = await person("Lena Lämnar");
      const successor = await person("Sara Tillträder");
      const today = await ipc(session, "today");
      const starts = addDays(today, 30);
      const appoint = (p, from, replace) =>
        ipc(session, "appoint", {
          request: { person_id: p.id, group_id: county.id, role: "representative", seat_id: null, organisation_id: null, from, to: null, replace },
        });
      await appoint(leaver, addDays(today, -365), false);
      await appoint(successor, starts, true);
      await session.execute("location.hash = arguments[0];", [`#/organisations/${gagnef.id}`]);
      const seat = `[data-testid="form-panel"] .forms-seat[data-group="${county.id}"]`;
      await waitText(session, `${seat} [data-testid="form-coming"]`, new RegExp(`Från ${starts}: Sara Tillträder`), "the coming holder");
      const file = join(ctx.dir, "Uppdragsblankett Gagnef efterträdare.pdf");
      await session.execute("window.__samverkanTestPaths = arguments[0];", [{ save: file }]);
      await click(session, `${seat} [data-testid="print-coming-form"]`);
      await waitText(session, `${seat} [data-testid="form-coming-state"]`, /Utskriven, väntar på underskrift/, "the successor's form printed", 30_000);
      const text = pdfText(file);
      expect.match(text, /Sara Tillträder/, "the successor on her form");
      expect.equal(/Lena Lämnar/.test(text), false, "the leaver is not on it");
      expect.match(text, new RegExp(starts), "her term starts on the day she takes over");
      await dismissToasts(session);
      await settle(session);
      await screenshot("seats-04-successor-form");
    },
  },
];
