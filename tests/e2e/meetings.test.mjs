// End-to-end flow of the Möten screen on a fresh Dalarna register: plan 2027 for all groups in
// the wizard (see a date on julafton refused, move a date, apply), see the six meetings, export
// the county group's roster as Excel, CSV and PDF through the export panel (the save dialog answered
// by the test, the files read back: the protected person left out unless ticked), copy the
// mailing list, take attendance in a meeting with the keyboard and print its attendance list. Axe runs on the screen and
// on the open wizard; screenshots are saved as meet-*.png.

import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { answerSaveDialog } from "./dialogs.mjs";
import { ipc, open, click, waitText, setValue, settle, axe, pdfText } from "./helpers.mjs";

const GROUP = "Länsgruppen MVK";
const ctx = { dir: mkdtempSync(path.join(tmpdir(), "samverkan-meet-e2e-")) };

async function pressKey(session, key) {
  await session.cmd("POST", "/actions", {
    actions: [{ type: "key", id: "keyboard", actions: [{ type: "keyDown", value: key }, { type: "keyUp", value: key }] }],
  });
  await session.cmd("DELETE", "/actions");
}

const DIALOG = "dialog[open]";

export const tests = [
  {
    name: "meetings: the county group's people are in place and the screen shows no meetings for 2027",
    async run({ session, expect, screenshot, log }) {
      await session.waitForElement('[data-screen="overview"] h1', 20_000);
      const groups = await ipc(session, "list_groups");
      ctx.county = groups.find((g) => g.group.name === GROUP).group.id;
      const people = [
        ["Anna Berg", "Falu kommun", "representative", "anna.berg@falun.se", false],
        ["Erik Lund", "Falu kommun", "substitute", "erik.lund@falun.se", false],
        ["Hanna Skydd", "Borlänge kommun", "representative", "hanna@borlange.se", true],
      ];
      for (const [name, orgName, role, email, prot] of people) {
        const [org] = await ipc(session, "list_orgs", { query: { text: orgName } });
        const p = await ipc(session, "add_person", {
          draft: { name, title: null, organisation_id: org.id, email, phone: null, protected: prot, notes: null },
        });
        await ipc(session, "appoint", {
          request: { person_id: p.id, group_id: ctx.county, role, organisation_id: null, from: "2026-01-01", to: null, replace: false },
        });
      }
      await open(session, "meetings");
      await setValue(session, '[data-testid="meet-year"]', "2027");
      await waitText(session, '[data-testid="meet-none"]', /Inga möten är planerade för 2027/);
      await axe(session, "Möten", log);
      await settle(session);
      await screenshot("meet-01-empty-year");
    },
  },
  {
    name: "meetings: the wizard proposes 2 + 4 meetings, refuses julafton, takes a moved date and applies",
    async run({ session, expect, screenshot, log }) {
      await click(session, '[data-screen="meetings"] .meet-filters button.primary');
      await session.waitForElement(`${DIALOG} [data-testid="plan-rows"]`);
      const inputs = await session.execute(
        `return [...document.querySelectorAll("dialog[open] [data-testid=plan-rows] input")].map((i) => [i.id, i.value, i.getAttribute("aria-label")]);`,
      );
      expect.equal(inputs.length, 6, "proposed meetings");
      for (const [, value] of inputs) expect.match(value, /^2027-\d\d-\d\d$/, "a proposed date");
      await axe(session, "the plan wizard", log);
      await settle(session);
      await screenshot("meet-02-proposal");
      const county = inputs.find(([, , label]) => label.includes(GROUP));
      ctx.moved = "2027-02-17";
      await setValue(session, `#${county[0]}`, "2027-12-24");
      await waitText(session, DIALOG, /2027-12-24 går inte: julafton/, "the refusal of julafton");
      const disabled = await session.execute(`return document.querySelector("dialog[open] .button.primary").disabled;`);
      expect.equal(disabled, true, "save is disabled while a date is forbidden");
      await settle(session);
      await screenshot("meet-03-julafton-refused");
      await setValue(session, `#${county[0]}`, ctx.moved);
      await waitText(session, `${DIALOG} .button.primary`, /Spara 6 möten/);
      await click(session, `${DIALOG} .button.primary`);
      await session.waitFor("the dialog to close", async () => (await session.findAll(DIALOG)).length === 0);
      const table = await waitText(session, '[data-testid="meeting-table"]', /2027-02-17/, "the moved meeting in the year view");
      const rows = await session.execute(`return document.querySelectorAll("[data-testid=meeting-table] tbody tr").length;`);
      expect.equal(rows, 6, "meetings in 2027");
      expect.match(table, /Styrgrupp MVK/, "the steering group's meetings");
      const meetings = await ipc(session, "list_meetings", { groupId: ctx.county, year: 2027 });
      expect.equal(meetings.length, 4, "the county group's meetings");
      ctx.meeting = meetings.find((m) => m.date === ctx.moved).id;
      await settle(session);
      await screenshot("meet-04-year-planned");
    },
  },
  {
    name: "meetings: the county group's roster is exported as Excel and CSV without the protected person",
    async run({ session, expect, screenshot, log }) {
      await setValue(session, '[data-testid="meet-group"]', GROUP);
      await waitText(session, '[data-testid="export-panel"]', /Ta med Hanna Skydd i denna export/);
      const xlsx = path.join(ctx.dir, "lansgruppen.xlsx");
      await answerSaveDialog(await session.waitForElement('[data-testid="export-panel"] [data-testid="export-xlsx"]'), xlsx);
      await waitText(session, ".toast", /2 rader sparade/, "the Excel export's message");
      const bytes = readFileSync(xlsx);
      expect.equal(bytes.subarray(0, 2).toString("latin1"), "PK", "an XLSX (zip) file");
      const csv = path.join(ctx.dir, "lansgruppen.csv");
      await answerSaveDialog(await session.waitForElement('[data-testid="export-panel"] [data-testid="export-csv"]'), csv);
      await waitText(session, ".toast", new RegExp(`2 rader sparade i ${csv}`), "the CSV export's message");
      const text = readFileSync(csv, "utf8");
      expect.equal(text.charCodeAt(0), 0xfeff, "a UTF-8 byte-order mark");
      expect.match(text, /Organisation;Roll;Namn;Titel;E-post;Telefon\r\n/, "the header");
      expect.match(text, /Falu kommun;Representant;Anna Berg;;anna\.berg@falun\.se;/, "Anna's row");
      expect.equal(text.includes("Hanna"), false, "the protected person is left out");
      // Ticked for one export: included there, and the box is cleared afterwards.
      await click(session, '[data-testid="export-panel"] input[type="checkbox"]');
      const withHanna = path.join(ctx.dir, "med-skyddad.csv");
      await answerSaveDialog(await session.waitForElement('[data-testid="export-panel"] [data-testid="export-csv"]'), withHanna);
      await waitText(session, ".toast", /3 rader sparade/, "the export with the protected person");
      expect.match(readFileSync(withHanna, "utf8"), /Hanna Skydd/, "the ticked person");
      const checked = await session.execute(`return document.querySelector("[data-testid=export-panel] input[type=checkbox]").checked;`);
      expect.equal(checked, false, "the choice holds for one export only");
      const pdf = path.join(ctx.dir, "lansgruppen.pdf");
      await answerSaveDialog(await session.waitForElement('[data-testid="export-panel"] [data-testid="export-pdf"]'), pdf);
      await waitText(session, ".toast", new RegExp(`2 rader sparade i ${pdf}`), "the PDF roster's message");
      const pdfRoster = pdfText(pdf);
      expect.match(pdfRoster, /DELTAGARLISTA/, "a roster PDF");
      expect.match(pdfRoster, /Anna Berg/, "Anna in the PDF roster");
      expect.equal(pdfRoster.includes("Hanna"), false, "the protected person left out of the PDF");
      await click(session, '[data-testid="export-panel"] [data-testid="export-mail"]');
      const bcc = await session.waitFor("the mailing list", async () =>
        session.execute(`const t = document.querySelector("[data-testid=bcc]"); return t ? t.value : null;`),
      );
      expect.equal(bcc, "anna.berg@falun.se; erik.lund@falun.se", "the Bcc addresses");
      const ics = path.join(ctx.dir, "lansgruppen.ics");
      await answerSaveDialog(await session.waitForElement('[data-testid="export-panel"] [data-testid="export-ics"]'), ics);
      await waitText(session, ".toast", /4 möten sparade/, "the calendar export's message");
      expect.equal(existsSync(ics), true, "the .ics file");
      expect.equal(readFileSync(ics, "utf8").split("BEGIN:VEVENT").length - 1, 4, "events in the calendar");
      await axe(session, "Möten with the export panel", log);
      await settle(session);
      await screenshot("meet-05-exported");
    },
  },
  {
    name: "meetings: attendance is taken with one key per status in the meeting's page",
    async run({ session, expect, screenshot, log }) {
      await click(session, `a[href="#/meetings/${ctx.meeting}"]`);
      await session.waitForElement('[data-testid="attendance-table"]');
      await click(session, 'tr[data-person="Hanna Skydd"] td');
      await pressKey(session, "a");
      await waitText(session, 'tr[data-person="Hanna Skydd"]', /Anmält förhinder/, "Hanna excused");
      // Below the invitation the row starts under the window's edge: brought to the middle
      // first, as a person scrolls to it, so the click lands on it.
      await session.execute(
        `document.querySelector('tr[data-person="Anna Berg"]').scrollIntoView({ block: "center" });`,
      );
      await click(session, 'tr[data-person="Anna Berg"] td');
      await session.waitFor("Anna's row to have the focus", () =>
        session.execute(`return document.activeElement?.dataset?.person === "Anna Berg";`),
      );
      await pressKey(session, "e");
      await waitText(session, 'tr[data-person="Erik Lund"]', /Närvarande \(i stället för Anna Berg\)/, "Erik for Anna");
      const stored = await ipc(session, "meeting_attendance", { id: ctx.meeting });
      const erik = stored.rows.find((r) => r.person_name === "Erik Lund");
      expect.equal(erik.status, "present", "Erik's stored status");
      expect.equal(erik.substitute_for_name, "Anna Berg", "in whose place");
      await axe(session, "a meeting's attendance", log);
      await settle(session);
      await screenshot("meet-06-attendance");
      // The attendance list to sign, from the meeting's page.
      const list = path.join(ctx.dir, "narvarolista.pdf");
      await answerSaveDialog(await session.waitForElement('[data-testid="export-attendance"]'), list);
      await waitText(session, ".toast", new RegExp(`2 rader sparade i ${list}`), "the attendance list's message");
      const text = pdfText(list);
      expect.match(text, /NÄRVAROLISTA/, "an attendance list");
      expect.match(text, /Underskrift/, "the signature column");
      expect.match(text, /Erik Lund/, "Erik on the list");
      expect.equal(text.includes("Hanna"), false, "the protected person left out of the list");
    },
  },
];
