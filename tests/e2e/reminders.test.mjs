// End-to-end flow of the reminders before terms end, on a fresh Dalarna register: the
// coordinator's details, Falu kommun's principal with an address, and a representative of
// Falun whose term ends within the reminder period (counted from the app's own today, not the
// test's clock). Översikt's reminders panel lists the letter with its seats, "Skriv
// påminnelserna" writes every due letter into a folder chosen in the folder dialog, the files
// are there (a PDF each, an e-mail draft where there is an address), and the panel then says
// nothing is due and when each was sent.

import { mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ipc, open, click, waitText, settle, axe, dismissToasts, pdfText } from "./helpers.mjs";
import { answerFolderDialog } from "./dialogs.mjs";

const GROUP = "Länsgruppen MVK";
const PANEL = '[data-testid="reminders-overview"]';
const ctx = {};

/** `day` ("YYYY-MM-DD") moved by `days`. */
function addDays(day, days) {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const tests = [
  {
    name: "reminders: Översikt lists the letters due, with a term ending and the empty seats",
    async run({ session, expect, screenshot, log }) {
      await session.waitForElement('[data-screen="overview"] h1', 20_000);
      const today = await ipc(session, "today");
      ctx.until = addDays(today, 30);
      const groups = await ipc(session, "list_groups");
      ctx.county = groups.find((g) => g.group.name === GROUP).group.id;
      await ipc(session, "set_organiser", {
        info: { name: "Åsa Strateg", title: "Strateg MVK", email: "asa.strateg@lansstyrelsen.se", phone: null },
      });
      const [falun] = await ipc(session, "list_orgs", { query: { text: "Falu kommun" } });
      ctx.falun = falun.id;
      await ipc(session, "set_principal", {
        id: falun.id,
        draft: { name: "Maria Chef", title: "Socialchef", email: "maria.chef@falun.se", phone: null },
      });
      const anna = await ipc(session, "add_person", {
        draft: { name: "Anna Öberg", title: null, organisation_id: falun.id, email: "anna.oberg@falun.se", phone: null, protected: false, notes: null },
      });
      await ipc(session, "appoint", {
        request: {
          person_id: anna.id, group_id: ctx.county, role: "representative", organisation_id: null,
          from: addDays(today, -365), to: ctx.until, replace: false,
        },
      });
      const r = await ipc(session, "reminders", { withinDays: null, include: [], page: { offset: 0, limit: 500 } });
      ctx.due = r.due;
      expect.equal(ctx.due > 1, true, `letters due on a fresh register (${ctx.due})`);

      // Översikt reads its answer again when opened.
      await open(session, "organisations");
      await open(session, "overview");
      await waitText(session, '[data-testid="reminders-due"]', new RegExp(`^${ctx.due} påminnelser att skicka$`), "the count due");
      const row = `${PANEL} li[data-org="${ctx.falun}"]`;
      const text = await waitText(session, row, /Falu kommun/, "Falun's letter in the list");
      expect.match(text, new RegExp(`Representant: Anna Öberg, t\\.o\\.m\\. ${ctx.until}`), "the term ending");
      expect.match(text, /Ersättare: tom/, "the empty substitute seat");
      expect.match(text, /inte skickad/, "never sent");
      expect.equal(/ingen e-post/.test(text), false, "Falun has an address");
      await session.execute("document.querySelector(arguments[0]).scrollIntoView({ block: 'start' });", [PANEL]);
      await axe(session, "Översikt's reminders", log);
      await settle(session);
      await screenshot("remind-01-due");
    },
  },
  {
    name: "reminders: 'Skriv påminnelserna' writes every due letter into the folder chosen in the dialog",
    async run({ session, expect, screenshot }) {
      // An ASCII folder name: xdotool types into GTK's location field, and on a busy machine a
      // non-ASCII letter typed there can be lost, which chose another folder (seen in CI).
      const dir = join(tmpdir(), `samverkan-e2e-reminders-${process.pid}`);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir);
      await answerFolderDialog(await session.waitForElement('[data-testid="reminders-write"]'), dir);
      const saved = await waitText(session, ".toast", new RegExp(`${ctx.due} påminnelser är sparade i `), "the letters' message");
      expect.match(saved, new RegExp(dir.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")), "saved in the folder chosen");
      const files = readdirSync(dir);
      const pdfs = files.filter((f) => f.endsWith(".pdf"));
      expect.equal(pdfs.length, ctx.due, `a printed letter for every due one: ${files.join(", ")}`);
      const falunPdf = pdfs.find((f) => /Falu kommun/.test(f));
      expect.equal(typeof falunPdf, "string", `Falun's letter among ${pdfs.join(", ")}`);
      const letter = pdfText(join(dir, falunPdf));
      expect.match(letter, /PÅMINNELSE|Påminnelse/, "the letter's title");
      expect.match(letter, /Maria Chef/, "to the principal");
      expect.match(letter, /Anna Öberg/, "the seat's holder");
      const falunEml = files.find((f) => /Falu kommun/.test(f) && f.endsWith(".eml"));
      expect.equal(typeof falunEml, "string", `Falun's e-mail draft among ${files.join(", ")}`);
      const mail = readFileSync(join(dir, falunEml), "utf8");
      expect.match(mail, /\r\nX-Unsent: 1\r\n/, "marked unsent");
      expect.match(mail, /\r\nTo: .*maria\.chef@falun\.se/, "to the principal");
      expect.equal((mail.match(/Content-Type: application\/pdf/g) ?? []).length, 2, "the letter and the mandate form attached");
      await dismissToasts(session);
      await waitText(session, '[data-testid="reminders-due"]', /^Inga påminnelser att skicka just nu\.$/, "nothing due after writing");
      await waitText(session, `${PANEL} li[data-org="${ctx.falun}"] [data-testid="reminder-sent"]`, /^senast skickad \d{4}-\d{2}-\d{2}$/, "when Falun's was sent");
      // Not written twice within the period unless asked: the button is on once that is ticked.
      const disabled = () => session.execute("return document.querySelector(arguments[0]).disabled;", ['[data-testid="reminders-write"]']);
      expect.equal(await disabled(), true, "nothing due: the button is off");
      await click(session, '[data-testid="reminders-again"]');
      await session.waitFor("the button to be on once 'again' is ticked", async () => !(await disabled()));
      await session.execute("document.querySelector(arguments[0]).scrollIntoView({ block: 'start' });", [PANEL]);
      await settle(session);
      await screenshot("remind-02-written");
    },
  },
];
