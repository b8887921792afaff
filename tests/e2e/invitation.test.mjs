// End-to-end flow of a meeting's invitation on a fresh Dalarna register: the coordinator's
// details and two people of Falun (one without an e-mail address), a meeting; the invitation
// section previews the e-mail, "Skapa e-postutkast" writes the .eml through the save dialog,
// the meeting is moved and the section says an update is due, and "Skriv ut" writes the PDF.
// Then the minutes: an item's notes and decision, the PDF and the e-mail draft.
// The .eml is read back as text here (the Rust tests parse it with mail-parser and icalendar).

import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ipc, open, click, setValue, waitText, settle, axe, dismissToasts, pdfText } from "./helpers.mjs";
import { answerSaveDialog } from "./dialogs.mjs";

const GROUP = "Länsgruppen MVK";
const SECTION = '[data-testid="invitation-panel"]';
const ctx = {};

export const tests = [
  {
    name: "invitation: a meeting's section previews the e-mail and lists who has no address",
    async run({ session, expect, screenshot, log }) {
      await session.waitForElement('[data-screen="overview"] h1', 20_000);
      const groups = await ipc(session, "list_groups");
      ctx.county = groups.find((g) => g.group.name === GROUP).group.id;
      await ipc(session, "set_organiser", {
        info: { name: "Åsa Strateg", title: "Strateg MVK", email: "asa.strateg@lansstyrelsen.se", phone: null },
      });
      for (const [name, role, email] of [
        ["Anna Öberg", "representative", "anna.oberg@falun.se"],
        ["Pelle Utan", "substitute", null],
      ]) {
        const [org] = await ipc(session, "list_orgs", { query: { text: "Falu kommun" } });
        const p = await ipc(session, "add_person", {
          draft: { name, title: null, organisation_id: org.id, email, phone: null, protected: false, notes: null },
        });
        await ipc(session, "appoint", {
          request: { person_id: p.id, group_id: ctx.county, role, organisation_id: null, from: "2026-01-01", to: null, replace: false },
        });
      }
      const m = await ipc(session, "add_meeting", {
        draft: { group_id: ctx.county, date: "2027-03-10", start: "13:00", end: "15:00", place: "Länsstyrelsen, Falun" },
      });
      ctx.meeting = m.id;
      await open(session, "meetings");
      await session.execute("location.hash = arguments[0];", [`#/meetings/${ctx.meeting}`]);
      await waitText(session, '[data-testid="invite-subject"]', /Kallelse: Länsgruppen MVK onsdag 10 mars 2027/, "the subject");
      await waitText(session, '[data-testid="invite-body"]', /Mötet öppnas/, "the agenda in the body");
      await waitText(session, '[data-testid="invite-without-email"]', /Pelle Utan/, "who has no address");
      await waitText(session, '[data-testid="invite-status"]', /Ingen kallelse är skickad ännu/);
      await session.execute("document.querySelector(arguments[0]).scrollIntoView({ block: 'start' });", [SECTION]);
      await axe(session, "a meeting's invitation", log);
      await settle(session);
      await screenshot("invite-01-preview");
    },
  },
  {
    name: "invitation: 'Skapa e-postutkast' writes an unsent draft with the meeting request, and a move makes an update due",
    async run({ session, expect, screenshot }) {
      const eml = join(tmpdir(), `samverkan-e2e-kallelse-${process.pid}.eml`);
      await answerSaveDialog(await session.waitForElement('[data-testid="invite-eml"]'), eml);
      await waitText(session, ".toast", /E-postutkastet \(kallelse, version 0\) är sparat/, "the draft's message");
      const text = readFileSync(eml, "utf8");
      expect.match(text, /\r\nX-Unsent: 1\r\n/, "marked unsent");
      expect.match(text, /text\/calendar; method=REQUEST/, "a meeting request");
      expect.match(text, /Bcc: .*anna\.oberg@falun\.se/, "the invited in Bcc");
      expect.match(text, /application\/pdf/, "the PDF attached");
      await waitText(session, '[data-testid="invite-status"]', /Senast skickad: kallelse, version 0/);
      await dismissToasts(session);
      const m = (await ipc(session, "list_meetings", { groupId: ctx.county, year: 2027 })).find((x) => x.id === ctx.meeting);
      await ipc(session, "edit_meeting", { id: ctx.meeting, draft: {
        group_id: m.group_id, date: "2027-03-17", start: m.start, end: m.end, place: m.place,
        online_link: m.online_link, agenda: m.agenda, extra: m.extra, status: m.status,
      } });
      // The page reloads the meeting by its address.
      await session.execute("location.hash = arguments[0];", ["#/meetings"]);
      await session.execute("location.hash = arguments[0];", [`#/meetings/${ctx.meeting}`]);
      await waitText(session, '[data-testid="invite-status"]', /nytt datum.*ändrad kallelse, version 1/, "an update is due");
      await waitText(session, '[data-testid="invite-subject"]', /Ändrad kallelse \(nytt datum\)/);
      await session.execute("document.querySelector(arguments[0]).scrollIntoView({ block: 'start' });", [SECTION]);
      await settle(session);
      await screenshot("invite-02-update-due");
    },
  },
  {
    name: "invitation: 'Skriv ut' writes the printed invitation with the agenda and who is invited",
    async run({ session, expect, screenshot }) {
      const pdf = join(tmpdir(), `samverkan-e2e-kallelse-${process.pid}.pdf`);
      await answerSaveDialog(await session.waitForElement('[data-testid="invite-pdf"]'), pdf);
      await waitText(session, ".toast", /Kallelsen är sparad/, "the PDF's message");
      const text = pdfText(pdf);
      expect.match(text, /ÄNDRAD KALLELSE/, "the kind");
      expect.match(text, /Mötet öppnas/, "the agenda");
      expect.match(text, /Pelle Utan/, "the invited without an address");
      await settle(session);
      await screenshot("invite-03-printed");
    },
  },
  {
    name: "minutes: an item's notes are saved, and the minutes are printed and drafted as e-mail",
    async run({ session, expect, screenshot }) {
      await setValue(session, '[data-testid="minutes-notes-1"]', "Mötet öppnades av samordnaren.");
      await setValue(session, '[data-testid="minutes-decisions-1"]', "Dagordningen godkändes.");
      await click(session, '[data-testid="minutes-save-1"]');
      await waitText(session, '[data-testid="minutes-status"]', /Utkast/, "drafted");
      const pdf = join(tmpdir(), `samverkan-e2e-minnen-${process.pid}.pdf`);
      await answerSaveDialog(await session.waitForElement('[data-testid="minutes-pdf"]'), pdf);
      await waitText(session, ".toast", /Minnesanteckningarna är sparade/, "the PDF's message");
      const text = pdfText(pdf);
      expect.match(text, /MINNESANTECKNINGAR/, "the kind");
      expect.match(text, /Mötet öppnades av samordnaren\./, "the notes");
      expect.match(text, /Beslut: Dagordningen godkändes\./, "the decision");
      await dismissToasts(session);
      const eml = join(tmpdir(), `samverkan-e2e-minnen-${process.pid}.eml`);
      await answerSaveDialog(await session.waitForElement('[data-testid="minutes-eml"]'), eml);
      await waitText(session, '[data-testid="minutes-status"]', /Skickade/, "sent");
      const mail = readFileSync(eml, "utf8");
      expect.match(mail, /\r\nX-Unsent: 1\r\n/, "marked unsent");
      expect.match(mail, /application\/pdf/, "the minutes attached");
      await session.execute("document.querySelector(arguments[0]).scrollIntoView({ block: 'start' });", ['[data-testid="minutes-panel"]']);
      await settle(session);
      await screenshot("invite-04-minutes");
    },
  },
];
