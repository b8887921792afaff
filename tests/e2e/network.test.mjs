// End-to-end flow of the Overview, Groups and Coverage screens on a fresh Dalarna register:
// appoint a representative and a substitute for Falu kommun in Länsgruppen MVK through the
// group's page, see the vacancy leave the overview, be refused a second representative in
// Swedish, replace, and find both in the history; the coverage matrix and its filter; adding
// and removing a group; the Groups screen in English. Axe runs on every screen and on the open
// appoint dialog; screenshots are saved as net-*.png.

import { ipc, open, click, innerText, waitText, setValue, settle, dismissToasts, axe } from "./helpers.mjs";

const GROUP = "Länsgruppen MVK";
const ORG = "Falu kommun";
const FIRST = "Karin Sjöberg";
const SECOND = "Sara Lund";
const SUBSTITUTE = "Per Nilsson";

const ctx = {};

async function go(session, hash) {
  await session.execute("location.hash = arguments[0];", [hash]);
}

const DIALOG = "dialog[open]";

/** Opens the appoint dialog for the organisation's seat and waits for its people. */
async function openAppoint(session, role, person) {
  await click(session, `button[aria-label="Utse ${role} för ${ORG}"]`);
  await session.waitForElement(`${DIALOG} [data-testid="appoint-form"]`);
  await session.waitFor(`${person} among the choices`, async () =>
    session.execute(
      `return [...document.querySelectorAll("${DIALOG} select option")].some((o) => o.textContent.includes(arguments[0]));`,
      [person],
    ),
  );
  await setValue(session, `${DIALOG} select`, person);
}

const dialogClosed = (session) =>
  session.waitFor("the dialog to close", async () => (await session.findAll(DIALOG)).length === 0);

export const tests = [
  {
    name: "network: the overview lists Falu kommun's empty seats in Länsgruppen and the register",
    async run({ session, expect, screenshot, log }) {
      await session.waitForElement('[data-screen="overview"] h1', 20_000);
      const [org] = await ipc(session, "list_orgs", { query: { text: ORG } });
      const county = (await ipc(session, "list_groups")).find((g) => g.group.name === GROUP).group;
      ctx.org = org.id;
      ctx.group = county.id;
      ctx.today = await ipc(session, "today");
      // Creating people is the People screen's flow (register.test.mjs); here they are added
      // through the core, and everything about appointing goes through this lane's UI.
      for (const name of [FIRST, SECOND, SUBSTITUTE]) {
        await ipc(session, "add_person", {
          draft: { name, title: null, organisation_id: org.id, email: null, phone: null, protected: false, notes: null },
        });
      }
      await open(session, "organisations");
      await open(session, "overview");
      const section = `section[data-group="${ctx.group}"]`;
      const row = await waitText(session, `${section} tr[data-org="${ctx.org}"]`, /Falu kommun/, "Falu kommun's row");
      expect.match(row, /Representant/, "missing representative");
      expect.match(row, /Ersättare/, "missing substitute");
      const counts = await innerText(session, '[data-testid="vacancy-counts"]');
      expect.match(counts, /\d+\s+platser saknar representant/, "the count of missing representatives");
      expect.match(await innerText(session, "main"), /Nätverket mäns våld mot kvinnor i Dalarna/, "the network's name");
      await axe(session, "Översikt", log);
      await settle(session);
      await screenshot("net-01-overview");
    },
  },
  {
    name: "network: the overview's link opens the group with Falu kommun's row",
    async run({ session, expect, screenshot, log }) {
      await click(session, `section[data-group="${ctx.group}"] tr[data-org="${ctx.org}"] [data-testid="appoint-link"]`);
      const h1 = await session.waitForElement('[data-screen="groups"] h1');
      expect.equal(await h1.text(), GROUP);
      await session.waitForElement(`tr.highlight[data-org="${ctx.org}"]`);
      const focused = await session.execute("return document.activeElement && document.activeElement.id;");
      expect.equal(focused, `seat-org-${ctx.org}`, "focus on the organisation's row");
      await axe(session, "group detail", log);
      await settle(session);
      await screenshot("net-02-group-detail-empty");
    },
  },
  {
    name: "network: appointing a representative and a substitute through the dialog",
    async run({ session, expect, screenshot, log }) {
      await openAppoint(session, "representant", FIRST);
      await setValue(session, `${DIALOG} input[id$="-from"]`, "2025-01-01");
      await axe(session, "the appoint dialog", log);
      await settle(session);
      await screenshot("net-03-appoint-dialog");
      await click(session, `${DIALOG} [data-testid="appoint-submit"]`);
      await dialogClosed(session);
      const row = `tr[data-org="${ctx.org}"]`;
      await waitText(session, `${row}[data-role="representative"]`, new RegExp(`${FIRST}[\\s\\S]*från 2025-01-01`));
      // Focus came back to the page, not to the top of the document.
      const active = await session.execute("return document.activeElement && document.activeElement.tagName;");
      expect.equal(active === "BODY", false, "focus returned after the dialog");

      await openAppoint(session, "ersättare", SUBSTITUTE);
      await click(session, `${DIALOG} [data-testid="appoint-submit"]`);
      await dialogClosed(session);
      await waitText(session, `${row}[data-role="substitute"]`, new RegExp(`${SUBSTITUTE}[\\s\\S]*från ${ctx.today}`));
      await dismissToasts(session);
      await settle(session);
      await screenshot("net-04-group-detail-filled");
    },
  },
  {
    name: "network: Falu kommun's vacancy has left the overview",
    async run({ session, expect, screenshot }) {
      await open(session, "overview");
      await session.waitFor("the overview to load", async () =>
        (await session.findAll('[data-testid="vacancy-counts"], [data-testid="all-filled"]')).length > 0);
      const rows = await session.findAll(`section[data-group="${ctx.group}"] tr[data-org="${ctx.org}"]`);
      expect.equal(rows.length, 0, "Falu kommun's rows in Länsgruppen's list");
      expect.match(await innerText(session, "main"), /Mora kommun/, "other organisations still listed");
      await settle(session);
      await screenshot("net-05-overview-after");
    },
  },
  {
    name: "network: a second representative is refused in Swedish, then replaces the first",
    async run({ session, expect, screenshot, log }) {
      await go(session, `#/groups/${ctx.group}`);
      await waitText(session, '[data-screen="groups"] h1', new RegExp(GROUP));
      await openAppoint(session, "representant", SECOND);
      const notice = await waitText(session, `${DIALOG} [data-testid="seat-holder"]`, new RegExp(FIRST));
      expect.match(notice, new RegExp(`Falu kommun har redan en representant: ${FIRST} \\(sedan 2025-01-01\\)`), "the holder");
      expect.match(notice, new RegExp(`Om du ersätter avslutas ${FIRST} \\d{4}-\\d{2}-\\d{2}`), "when the holder ends");
      await click(session, `${DIALOG} [data-testid="appoint-submit"]`);
      const refusal = await waitText(session, `${DIALOG} [role="alert"]`, /redan en representant/, "the refusal");
      expect.match(refusal, /Uppdraget sparades inte/, "the refusal's heading");
      expect.match(refusal, new RegExp(`Falu kommun har redan en representant i ${GROUP}: ${FIRST}`), "the core's Swedish message");
      await axe(session, "the appoint dialog with a refusal", log);
      await settle(session);
      await screenshot("net-06-appoint-refused");

      await click(session, `${DIALOG} [data-testid="seat-holder"] input[type="checkbox"]`);
      const submit = await session.find(`${DIALOG} [data-testid="appoint-submit"]`);
      expect.equal((await submit.text()).trim(), "Ersätt", "the submit button says replace");
      await submit.click();
      await dialogClosed(session);
      const row = `tr[data-org="${ctx.org}"][data-role="representative"]`;
      await waitText(session, row, new RegExp(SECOND));
      const history = await waitText(session, '[data-testid="history-table"]', new RegExp(SECOND));
      expect.match(history, new RegExp(`${FIRST}\\s+Representant\\s+${ORG}\\s+2025-01-01 – \\d{4}-\\d{2}-\\d{2}\\s+Avslutat`), "the replaced appointment");
      expect.match(history, new RegExp(`${SECOND}\\s+Representant\\s+${ORG}\\s+från ${ctx.today}\\s+Pågår`), "the new appointment");
      await dismissToasts(session);
      await session.execute("const m = document.getElementById('main'); m.scrollTop = m.scrollHeight;");
      await settle(session);
      await screenshot("net-07-history");
    },
  },
  {
    name: "network: the coverage matrix shows Falu kommun filled and filters to gaps",
    async run({ session, expect, screenshot, log }) {
      await open(session, "coverage");
      const cell = `tr[data-org="${ctx.org}"] a[data-group="${ctx.group}"]`;
      await session.waitForElement(cell);
      const label = await session.execute("return document.querySelector(arguments[0] + ' .visually-hidden').textContent;", [cell]);
      expect.equal(label, `${ORG} i ${GROUP}: representant ${SECOND}, ersättare ${SUBSTITUTE}`, "the cell's label");
      expect.match(await innerText(session, cell), /R ✓\s*E ✓/, "the cell's text");
      await axe(session, "Täckning", log);
      await settle(session);
      await screenshot("net-08-coverage");
      await click(session, '[data-testid="only-gaps"]');
      await session.waitFor("Falu kommun to be filtered out", async () => (await session.findAll(cell)).length === 0);
      const mora = await session.findAll('[data-testid="coverage-matrix"] tbody tr');
      expect.equal(mora.length > 0, true, "rows with gaps remain");
      await settle(session);
      await screenshot("net-09-coverage-gaps");
      // Keyboard: a cell link takes focus and leads to the group.
      await session.execute(`document.querySelector('[data-testid="coverage-matrix"] tbody a').focus();`);
      const focusedHref = await session.execute("return document.activeElement.getAttribute('href');");
      expect.match(focusedHref, /^#\/groups\/\d+\?org=\d+$/, "the focused cell's link");
    },
  },
  {
    name: "network: groups can be added and removed; one with appointments is refused",
    async run({ session, expect, screenshot, log }) {
      await open(session, "groups");
      await session.waitForElement('[data-testid="group-table"]');
      await axe(session, "Grupper", log);
      await settle(session);
      await screenshot("net-10-groups");

      await click(session, "main .net-toolbar button.primary");
      await session.waitForElement(`${DIALOG} [data-testid="group-form"]`);
      await setValue(session, `${DIALOG} input[type="text"]`, "Arbetsgrupp Barn");
      await setValue(session, `${DIALOG} select`, "working");
      await setValue(session, `${DIALOG} input[type="number"]`, "6");
      await axe(session, "the group form", log);
      await settle(session);
      await screenshot("net-11-group-form");
      await click(session, `${DIALOG} button[type="submit"]`);
      await dialogClosed(session);
      const row = await waitText(session, '[data-testid="group-table"]', /Arbetsgrupp Barn/);
      expect.match(row, /Arbetsgrupp Barn\s+Arbetsgrupp\s+6\s+Nej/, "the new group's row");

      await click(session, 'button[aria-label="Ta bort Arbetsgrupp Barn"]');
      await click(session, "dialog[open] button.danger");
      await session.waitFor("Arbetsgrupp Barn to go", async () =>
        !/Arbetsgrupp Barn/.test(await innerText(session, '[data-testid="group-table"]')));

      await click(session, `button[aria-label="Ta bort ${GROUP}"]`);
      await click(session, "dialog[open] button.danger");
      const refusal = await waitText(session, '[data-testid="group-remove-error"]', /kan inte tas bort/);
      expect.match(refusal, new RegExp(GROUP), "the refusal names the group");
      await dismissToasts(session);
    },
  },
  {
    name: "network: the Groups screen is in English after switching the language",
    async run({ session, expect, screenshot, log }) {
      await open(session, "settings");
      await click(session, 'input[name="language"][value="en"]');
      await session.waitFor("<html lang=en>", async () => (await session.execute("return document.documentElement.lang;")) === "en");
      await dismissToasts(session);
      const h1 = await open(session, "groups");
      expect.equal(await h1.text(), "Groups");
      const table = await waitText(session, '[data-testid="group-table"]', /County group/);
      expect.match(table, /Steering group/, "the steering group's kind");
      expect.equal((await (await session.find("main .net-toolbar button.primary")).text()).trim(), "New group");
      await axe(session, "Groups (English)", log);
      await settle(session);
      await screenshot("net-12-groups-en");
      await go(session, `#/groups/${ctx.group}`);
      await waitText(session, '[data-testid="seat-table"]', /Representative/);
      expect.match(await innerText(session, '[data-testid="history-table"]'), /Ended/, "the history in English");
      await settle(session);
      await screenshot("net-13-group-detail-en");
    },
  },
  {
    name: "network: back to Swedish and the overview, as the app started",
    async run({ session }) {
      await open(session, "settings");
      await click(session, 'input[name="language"][value="sv"]');
      await session.waitFor("<html lang=sv>", async () => (await session.execute("return document.documentElement.lang;")) === "sv");
      await dismissToasts(session);
      await open(session, "overview");
    },
  },
];
