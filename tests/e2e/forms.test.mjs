// End-to-end flow of the mandate forms in the real app: print Falu kommun's form from the
// organisation's page (the path is given through the test hook instead of the native save
// dialog), check the PDF on disk (its text through pdftotext when installed), record the
// signed copy, print the whole county group with a combined file from the Uppdragsblanketter
// screen, see the wording editor's preview, and find the status on Översikt. Screenshots are
// saved as forms-*.png.

import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { assertAccessible } from "./axe.mjs";
import { ipc, click, innerText, waitText, settle, dismissToasts, pdfText } from "./helpers.mjs";

const ORG = "Falu kommun";
const GROUP = "Länsgruppen MVK";
const REP = "Märta Ödegård-Ibáñez";
const ctx = { dir: mkdtempSync(join(tmpdir(), "samverkan-forms-e2e-")) };

async function setPaths(session, paths) {
  await session.execute("window.__samverkanTestPaths = arguments[0];", [paths]);
}

export const tests = [
  {
    name: "forms: printing Falu kommun's mandate form from the organisation's page",
    async run({ session, expect, screenshot, log }) {
      await session.waitForElement('[data-screen="overview"] h1', 20_000);
      const [org] = await ipc(session, "list_orgs", { query: { text: ORG } });
      const group = (await ipc(session, "list_groups")).find((g) => g.group.name === GROUP).group;
      ctx.org = org.id;
      ctx.group = group.id;
      const person = await ipc(session, "add_person", {
        draft: { name: REP, title: "Enhetschef", organisation_id: org.id, email: "marta@falun.se", phone: null, protected: false, notes: null },
      });
      const today = await ipc(session, "today");
      await ipc(session, "appoint", {
        request: { person_id: person.id, group_id: group.id, role: "representative", organisation_id: null, from: today, to: null, replace: false },
      });
      await session.execute("location.hash = arguments[0];", [`#/organisations/${org.id}`]);
      const panel = '[data-testid="form-panel"]';
      const seat = `${panel} .forms-seat[data-group="${group.id}"]`;
      await waitText(session, `${seat} [data-testid="form-state"]`, /Inte utskriven/, "the form not yet printed");
      ctx.file = join(ctx.dir, "Uppdragsblankett Falu kommun.pdf");
      await setPaths(session, { save: ctx.file });
      await click(session, `${seat} [data-testid="print-form"]`);
      await waitText(session, `${seat} [data-testid="form-state"]`, /Utskriven, väntar på underskrift/, "the form printed", 30_000);
      expect.equal(existsSync(ctx.file), true, "the PDF on disk");
      const bytes = readFileSync(ctx.file);
      expect.equal(bytes.subarray(0, 5).toString("latin1"), "%PDF-", "a PDF file");
      expect.equal(bytes.length < 60 * 1024, true, `a small PDF (${bytes.length} bytes)`);
      const text = pdfText(ctx.file);
      expect.match(text, new RegExp(REP), "the representative's name in the PDF");
      expect.match(text, /Sida 1 av 2/, "the page footer");
      expect.match(await innerText(session, seat), /textversion 1/, "the wording version");
      await assertAccessible(session, "organisation with its form");
      await session.execute("document.querySelector(arguments[0]).scrollIntoView({ block: 'center' });", [panel]);
      await settle(session);
      await screenshot("forms-01-org-printed");
    },
  },
  {
    name: "forms: recording the signed copy",
    async run({ session, expect, screenshot }) {
      const seat = `[data-testid="form-panel"] .forms-seat[data-group="${ctx.group}"]`;
      await click(session, `${seat} [data-testid="record-signed"]`);
      await click(session, `${seat} [data-testid="signed-form"] button[type="submit"]`);
      const state = await waitText(session, `${seat} [data-testid="form-state"]`, /Underskriven/, "the form signed");
      expect.match(state, /Underskriven/);
      await dismissToasts(session);
      await session.execute("document.querySelector(arguments[0]).scrollIntoView({ block: 'center' });", [seat]);
      await settle(session);
      await screenshot("forms-02-org-signed");
    },
  },
  {
    name: "forms: printing the whole county group with a combined file",
    async run({ session, expect, screenshot, log }) {
      await click(session, 'nav a[data-route="forms"]');
      await session.waitForElement('[data-screen="forms"] h1');
      await waitText(session, '[data-testid="forms-summary"]', /1 av \d+ har en underskriven/, "the summary");
      ctx.batch = join(ctx.dir, "alla");
      await setPaths(session, { dir: ctx.batch });
      await click(session, '[data-testid="batch-start"]');
      await waitText(session, '[data-testid="batch-progress"]', /(\d+) av \1:/, "the batch to finish", 120_000);
      await waitText(session, '[data-testid="forms-summary"]', /0 av \d+ har en underskriven/, "the statuses to refresh", 20_000);
      const combined = "Alla uppdragsblanketter Länsgruppen MVK.pdf";
      const files = readdirSync(ctx.batch).filter((f) => f.endsWith(".pdf") && f !== combined);
      const total = (await ipc(session, "form_status", { groupId: ctx.group })).length;
      expect.equal(files.length, total, "one PDF per organisation");
      expect.equal(existsSync(join(ctx.batch, combined)), true, "the combined file");
      const text = pdfText(join(ctx.batch, combined));
      expect.match(text, new RegExp(REP), "Falu kommun's representative in the combined file");
      await assertAccessible(session, "Uppdragsblanketter", log);
      await dismissToasts(session);
      await settle(session);
      await screenshot("forms-03-batch-done");
    },
  },
  {
    name: "forms: the wording editor previews the text for an organisation",
    async run({ session, expect, screenshot }) {
      const preview = '[data-testid="wording-preview"]';
      const text = await waitText(session, preview, /Uppdragsbeskrivning för representant i Länsgruppen MVK/, "the preview");
      expect.match(text, /ungefär fyra gånger om året/, "the group's cadence filled in");
      const placeholders = await innerText(session, '[data-testid="wording-placeholders"]');
      expect.match(placeholders, /Nätverkets namn\s*\{nätverk\}/, "the placeholders in Swedish");
      expect.equal(/\{network\}|\{meetings_words\}/.test(placeholders), false, "no English token shown");
      await session.execute("document.querySelector(arguments[0]).scrollIntoView({ block: 'start' });", ['[data-testid="wording-editor"]']);
      await settle(session);
      await screenshot("forms-04-wording");
    },
  },
  {
    name: "forms: Översikt lists the organisations without a signed, current form",
    async run({ session, expect, screenshot }) {
      await click(session, 'nav a[data-route="overview"]');
      const text = await waitText(session, '[data-testid="forms-overview"]', /saknar en underskriven, aktuell blankett/, "the forms overview");
      expect.match(text, /Falu kommun/, "Falu kommun awaits its new signature");
      await session.execute("document.querySelector(arguments[0]).scrollIntoView({ block: 'start' });", ['[data-testid="forms-overview"]']);
      await settle(session);
      await screenshot("forms-05-overview");
      // The line about the county group opens its forms.
      await click(session, '[data-testid="forms-overview"] p a');
      await waitText(session, '[data-testid="forms-summary"]', /av \d+ har en underskriven/, "the county group's forms");
    },
  },
  {
    name: "forms: a group's page prints all its mandate forms",
    async run({ session, expect, screenshot }) {
      const groups = await ipc(session, "list_groups");
      const county = groups.find((g) => g.group.one_per_org).group;
      await session.execute("location.hash = arguments[0];", [`#/groups/${county.id}`]);
      const panel = await waitText(session, '[data-testid="batch-print"]', /Skriv ut gruppens alla uppdragsblanketter/, "the batch panel");
      expect.match(panel, /En PDF per organisation/, "what printing all does");
      await session.execute("document.querySelector(arguments[0]).scrollIntoView({ block: 'center' });", ['[data-testid="batch-print"]']);
      await settle(session);
      await screenshot("forms-06-group-page");
    },
  },
];
