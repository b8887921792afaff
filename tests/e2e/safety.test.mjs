// End-to-end flow of the Säkerhetskopior and Logg screens on a fresh Dalarna register (a new
// register gets its first daily backup at its next opening): a backup made from the screen
// appears; a person
// added afterwards shows in the log (filtered to people) as old → new, in words; restoring the manual
// backup (after the confirmation) removes that person again and keeps the register as it was as
// a before-restore copy. The import wizard reads a CSV, reports the malformed row, and imports
// the corrected file. On a person's page a register extract is saved as PDF (the save dialog
// answered by the test) and the person is anonymised after confirming; the Gallring screen
// lists a person whose last appointment ended in 2012 and anonymises the ticked one. Axe runs
// on every screen; screenshots are saved as safety-*.png.

import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { answerSaveDialog } from "./dialogs.mjs";
import { ipc, open, click, innerText, waitText, setValue, settle, dismissToasts, axe } from "./helpers.mjs";

const PERSON = "Ingrid Wester";
const ctx = {};

export const tests = [
  {
    name: "safety: a new register has no backups yet; a backup made now is listed with its size",
    async run({ session, expect, screenshot, log }) {
      await session.waitForElement('[data-screen="overview"] h1', 20_000);
      await open(session, "backups");
      await waitText(session, "main", /Det finns inga säkerhetskopior ännu/, "the empty list");
      await click(session, '[data-testid="make-backup"]');
      const list = await waitText(session, '[data-testid="backup-list"]', /Manuell/, "the manual backup");
      expect.match(list, /\d+ kB/, "its size");
      const backups = await ipc(session, "list_backups");
      ctx.manual = backups.find((b) => b.reason === "manual");
      expect.match(ctx.manual?.sha256 ?? "", /^[0-9a-f]{64}$/, "the manual backup's SHA-256");
      await click(session, '[data-testid="check-register"]');
      await waitText(session, "body", /Registret är helt/, "the check's result");
      // Toasts fade in; axe judges the settled page.
      await dismissToasts(session);
      await axe(session, "Säkerhetskopior", log);
      await settle(session);
      await screenshot("safety-01-backups");
    },
  },
  {
    name: "safety: a change shows in the log as old → new, filtered to people",
    async run({ session, expect, screenshot, log }) {
      const [org] = await ipc(session, "list_orgs", { query: { text: "Falu kommun" } });
      const p = await ipc(session, "add_person", {
        draft: { name: PERSON, title: null, organisation_id: org.id, email: "ingrid@falun.se", phone: null, protected: false, notes: null },
      });
      await ipc(session, "edit_person", {
        id: p.id,
        draft: { name: PERSON, title: "Strateg", organisation_id: org.id, email: "ingrid.wester@falun.se", phone: null, protected: false, notes: null },
      });
      await open(session, "log");
      await setValue(session, '[data-testid="log-entity"]', "person");
      // The filtered answer, as a person waits for it: the count of the two entries about people
      // (the whole log, newest first, also begins with the change).
      await waitText(session, '[data-testid="log-count"]', /^2 händelser/, "two entries about people");
      const table = await waitText(session, '[data-testid="log-list"]', /Ändrad/, "the update in the log");
      expect.match(table, /E-post: ingrid@falun\.se → ingrid\.wester@falun\.se/, "old → new e-mail, the field named as on the screens");
      expect.match(table, new RegExp(`Person\\s+${PERSON}`), "the row named by the person, not by her id");
      expect.equal(/email:|Person \d/.test(table), false, "no column names or ids");
      expect.match(table, /Tillagd/, "the insert");
      expect.match(await innerText(session, '[data-testid="log-count"]'), /^2 händelser/, "two entries about people");
      await axe(session, "Logg", log);
      await settle(session);
      await screenshot("safety-02-log");
    },
  },
  {
    name: "safety: restoring the manual backup, after confirming, takes the register back",
    async run({ session, expect, screenshot }) {
      await open(session, "backups");
      await waitText(session, '[data-testid="backup-list"]', /Manuell/, "the list");
      const at = ctx.manual.at.replace("T", " ").replace(/:\d\dZ$/, "");
      await click(session, `button[aria-label="Återställ kopian från ${at}"]`);
      await session.waitForElement("dialog[open]");
      await settle(session);
      await screenshot("safety-03-confirm-restore");
      await session.execute(
        `[...document.querySelectorAll("dialog[open] button")].find((b) => b.textContent.trim() === "Återställ").click();`,
      );
      await waitText(session, "body", /Registret är återställt/, "the restore's message");
      const people = await ipc(session, "list_people", { query: { text: PERSON } });
      expect.equal(people.length, 0, "the person added after the backup is gone");
      const reasons = (await ipc(session, "list_backups")).map((b) => b.reason);
      expect.equal(reasons.includes("before_restore"), true, `the register before the restore is kept (${reasons})`);
      await waitText(session, '[data-testid="backup-list"]', /Före återställning/, "the kept copy listed");
      await settle(session);
      await screenshot("safety-04-restored");
    },
  },
  {
    name: "safety: the import wizard reports a malformed row, then imports the corrected file",
    async run({ session, expect, screenshot, log }) {
      const dir = mkdtempSync(join(tmpdir(), "samverkan-e2e-import-"));
      const file = join(dir, "medlemmar.csv");
      const rows = (email) =>
        `Organisation;Förnamn;Efternamn;E-post;Grupp;Roll\nFalu kommun;Maja;Lind;maja.lind@falun.se;Länsgruppen MVK;ersättare\nMora kommun;Olle;Holm;${email};;\n`;
      writeFileSync(file, rows("olle.mora.se"));
      await dismissToasts(session);
      await open(session, "import");
      await setValue(session, '[data-testid="import-path"]', file);
      await click(session, '[data-testid="import-read"]');
      const columns = await waitText(session, '[data-testid="import-columns"]', /Maja/, "the columns and examples");
      expect.match(columns, /Efternamn/, "the headers");
      await click(session, '[data-testid="import-check"]');
      const issues = await waitText(session, '[data-testid="import-issues"]', /E-post/, "the report");
      expect.match(issues, /^3\s/m, "the malformed row's number");
      await axe(session, "Import", log);
      await session.execute('document.querySelector("[data-testid=import-report]").scrollIntoView({ block: "end" });');
      await settle(session);
      await screenshot("safety-05-import-report");
      writeFileSync(file, rows("olle.holm@mora.se"));
      await click(session, '[data-testid="import-read"]');
      await click(session, '[data-testid="import-check"]');
      await waitText(session, '[data-testid="import-report"]', /alla 2 rader kan läsas in/, "a clean check");
      await click(session, '[data-testid="import-apply"]');
      await waitText(session, '[data-testid="import-report"]', /Importen är klar/, "the import");
      const maja = await ipc(session, "list_people", { query: { text: "Maja Lind" } });
      expect.equal(maja.length, 1, "Maja Lind imported");
      const reasons = (await ipc(session, "list_backups")).map((b) => b.reason);
      expect.equal(reasons.includes("before_import"), true, `a backup before the import (${reasons})`);
      await session.execute('document.querySelector("[data-testid=import-report]").scrollIntoView({ block: "end" });');
      await settle(session);
      await screenshot("safety-06-imported");
    },
  },
  {
    name: "safety: a register extract is saved as PDF from a person's page; the person is anonymised after confirming",
    async run({ session, expect, screenshot, log }) {
      const dir = mkdtempSync(join(tmpdir(), "samverkan-e2e-extract-"));
      const file = join(dir, "registerutdrag.pdf");
      const [org] = await ipc(session, "list_orgs", { query: { text: "Falu kommun" } });
      const p = await ipc(session, "add_person", {
        draft: { name: "Tove Test", title: "Utredare", organisation_id: org.id, email: "tove@falun.se", phone: "023-123 45", protected: false, notes: "Anteckning" },
      });
      await dismissToasts(session);
      await open(session, "people");
      await click(session, `a[href="#/people/${p.id}"]`);
      await waitText(session, '[data-testid="person-heading"]', /^Tove Test$/, "the person's page");
      await answerSaveDialog(await session.waitForElement('[data-testid="extract-pdf"]'), file);
      await waitText(session, "body", /Registerutdrag för Tove Test sparat/, "the extract's message");
      await session.waitFor("the PDF on disk", async () => existsSync(file) || null);
      const bytes = readFileSync(file);
      expect.equal(bytes.subarray(0, 4).toString("latin1"), "%PDF", "the file is a PDF");
      const exports = await ipc(session, "audit_log", { since: null, entity: "export" });
      expect.equal(exports.some((e) => e.action === "person_extract" && e.file === file), true, "the extract is in the log");
      await dismissToasts(session);
      await axe(session, "person page with personal-data actions", log);
      await session.execute('document.querySelector("[data-testid=person-privacy]").scrollIntoView({ block: "end" });');
      await settle(session);
      await screenshot("safety-07-person-privacy");
      await click(session, '[data-testid="erase-person"]');
      const dialog = await waitText(session, "dialog[open]", /Borttagen person N/, "the erase question");
      expect.match(dialog, /Det går inte att ångra/, "it says it cannot be undone");
      await settle(session);
      await screenshot("safety-08-confirm-erase");
      await session.execute(
        `[...document.querySelectorAll("dialog[open] button")].find((b) => b.textContent.trim() === "Radera personuppgifterna").click();`,
      );
      const heading = await waitText(session, '[data-testid="person-heading"]', /^Borttagen person \d+$/, "the anonymised name");
      const after = await ipc(session, "person_detail", { id: p.id });
      expect.equal(after.person.name, heading.trim(), "the page shows the stored name");
      expect.equal(after.person.email, null, "the e-mail is cleared");
      expect.equal(after.person.notes, null, "the notes are cleared");
      const page = await innerText(session, "main");
      expect.equal(/tove@falun\.se|Tove Test/.test(page), false, "nothing of the old data on the page");
      await dismissToasts(session);
      await settle(session);
      await screenshot("safety-09-erased");
    },
  },
  {
    name: "safety: Gallring lists a person whose last appointment ended in 2012 and anonymises the ticked one",
    async run({ session, expect, screenshot, log }) {
      // Falu kommun's substitute seat is Maja Lind's since the import.
      const [org] = await ipc(session, "list_orgs", { query: { text: "Avesta kommun" } });
      const groups = await ipc(session, "list_groups");
      const county = groups.find((g) => g.group.kind === "county").group.id;
      const p = await ipc(session, "add_person", {
        draft: { name: "Greta Gammal", title: null, organisation_id: org.id, email: "greta@avesta.se", phone: null, protected: false, notes: null },
      });
      const a = await ipc(session, "appoint", {
        request: { person_id: p.id, group_id: county, role: "substitute", from: "2010-01-01" },
      });
      await ipc(session, "end_appointment", { id: a.appointment.id, lastDay: "2012-06-30" });
      await dismissToasts(session);
      await open(session, "retention");
      const table = await waitText(session, '[data-testid="retention-list"]', /Greta Gammal/, "the candidate");
      expect.match(table, /2012-06-30/, "her last day");
      await click(session, 'input[aria-label="Markera Greta Gammal"]');
      await waitText(session, '[data-testid="retention-count"]', /markerade: 1/, "one ticked");
      await axe(session, "Gallring", log);
      await settle(session);
      await screenshot("safety-10-retention");
      await click(session, '[data-testid="retention-erase"]');
      await waitText(session, "dialog[open]", /markerade personerna \(1 st\)/, "the question naming how many");
      await session.execute(
        `[...document.querySelectorAll("dialog[open] button")].find((b) => b.textContent.trim() === "Anonymisera (1 st)").click();`,
      );
      await waitText(session, "body", /Anonymiseringen är klar \(1 st\)/, "the message");
      await session.waitFor("Greta gone from the list", async () => {
        const text = await innerText(session, "main");
        return text !== null && !text.includes("Greta Gammal") ? true : null;
      });
      const after = await ipc(session, "person_detail", { id: p.id });
      expect.match(after.person.name, /^Borttagen person \d+$/, "anonymised");
      await dismissToasts(session);
      await settle(session);
      await screenshot("safety-11-retention-done");
    },
  },
];
