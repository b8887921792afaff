// End-to-end flow of the yearly report in the real app: a representative appointed and a
// meeting held last year (over IPC), then the Årsrapport screen opened from the navigation,
// a text section written and saved, and the PDF and the workbook saved through the save
// button (the paths given through the test hook instead of the native dialog). The PDF's text
// (pdftotext) holds the text section and the figures; the workbook (unzip) holds its sheets,
// the text and a line chart. Screenshots are saved as report-*.png.

import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ipc, open, click, innerText, setValue, waitText, settle, dismissToasts, axe, pdfText } from "./helpers.mjs";

const ORG = "Falu kommun";
const GROUP = "Länsgruppen MVK";
const NEEDS = "Fler kommuner behöver en lokal samverkansgrupp, särskilt i norra länet.";
const ctx = { dir: mkdtempSync(join(tmpdir(), "samverkan-report-e2e-")) };

async function setPaths(session, paths) {
  await session.execute("window.__samverkanTestPaths = arguments[0];", [paths]);
}

/** The entries of a zip file (a workbook) and one entry's text. */
const unzipList = (file) => execFileSync("unzip", ["-Z1", file], { encoding: "utf8" }).split("\n");
const unzipText = (file, entry) => execFileSync("unzip", ["-p", file, entry], { encoding: "utf8" });

export const tests = [
  {
    name: "report: the Årsrapport screen shows last year's figures, keeps a text section and saves the PDF and the workbook",
    async run({ session, expect, screenshot, log }) {
      await session.waitForElement('[data-screen="overview"] h1', 20_000);
      const today = await ipc(session, "today");
      const year = Number(today.slice(0, 4)) - 1;
      const [org] = await ipc(session, "list_orgs", { query: { text: ORG } });
      const group = (await ipc(session, "list_groups")).find((g) => g.group.name === GROUP).group;
      const person = await ipc(session, "add_person", {
        draft: { name: "Rut Rapport", title: null, organisation_id: org.id, email: null, phone: null, protected: false, notes: null },
      });
      await ipc(session, "appoint", {
        request: {
          person_id: person.id,
          group_id: group.id,
          role: "representative",
          organisation_id: null,
          from: `${year}-01-01`,
          to: null,
          replace: false,
        },
      });
      const meeting = await ipc(session, "add_meeting", {
        draft: { group_id: group.id, date: `${year}-03-11`, extra: false, status: "held" },
      });
      await ipc(session, "set_attendance", {
        meetingId: meeting.id,
        personId: person.id,
        status: "present",
        substituteFor: null,
      });

      await open(session, "report");
      await session.waitFor("the groups to choose from", () =>
        session.execute("return document.querySelectorAll('[data-testid=report-group] option').length > 1;"),
      );
      await setValue(session, '[data-testid="report-group"]', GROUP);
      const figures = '[data-testid="report-figures"]';
      await waitText(session, figures, /Genomförda möten\s+1/, "last year's figures with the meeting held", 30_000);
      expect.equal(await session.execute("return document.querySelector('[data-testid=report-year]').value;"), String(year));
      expect.match(await innerText(session, '[data-testid="report-grid"]'), /Falu kommun\s+R/, "Falu kommun's representative present");
      await session.waitForElement('[data-testid="report-seats-line"]');

      // A text section, written and saved.
      await setValue(session, "#report-text-needs", NEEDS);
      const saveNeeds = "#report-text-needs + button";
      await click(session, saveNeeds);
      await waitText(session, ".toast", /Sparat: Regionala och lokala behov/, "the text saved");
      await session.waitFor("the save button to rest", () =>
        session.execute("return document.querySelector(arguments[0]).disabled;", [saveNeeds]),
      );
      const kept = await ipc(session, "year_report", { year, groupId: null, compare: null });
      expect.equal(kept.texts.find((x) => x.section === "needs").text, NEEDS, "the text kept in the register");
      await dismissToasts(session);
      await axe(session, "the yearly report", log);
      await session.execute("document.querySelector('#report-text-needs').scrollIntoView({ block: 'center' });");
      await settle(session);
      await screenshot("report-01-text-saved");

      // The PDF.
      ctx.pdf = join(ctx.dir, `arsrapport-${year}.pdf`);
      await setPaths(session, { save: ctx.pdf });
      await click(session, ".report-save button.accent");
      await waitText(session, ".toast", /Årsrapporten är sparad/, "the PDF saved", 30_000);
      expect.equal(existsSync(ctx.pdf), true, "the PDF on disk");
      expect.equal(readFileSync(ctx.pdf).subarray(0, 5).toString("latin1"), "%PDF-", "a PDF file");
      const text = pdfText(ctx.pdf).replace(/\s+/g, " ");
      expect.match(text, new RegExp(`Årsrapport ${year}`), "the title");
      expect.match(text, /Regionala och lokala behov/, "the section's heading");
      expect.match(text, /Fler kommuner behöver en lokal samverkansgrupp/, "the section's text");
      expect.match(text, /Besatta platser över året/, "the seats line");
      expect.equal(text.includes("Rut Rapport"), false, "the report names no person");
      await dismissToasts(session);

      // The workbook.
      ctx.xlsx = join(ctx.dir, `arsrapport-${year}.xlsx`);
      await setPaths(session, { save: ctx.xlsx });
      const excel = await session.execute(
        "return [...document.querySelectorAll('.report-save button')].findIndex((b) => /Excel/.test(b.textContent));",
      );
      await click(session, `.report-save button:nth-child(${excel + 1})`);
      await waitText(session, ".toast", /arsrapport-\d+\.xlsx/, "the workbook saved", 30_000);
      expect.equal(existsSync(ctx.xlsx), true, "the workbook on disk");
      const entries = unzipList(ctx.xlsx);
      expect.equal(entries.filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e)).length, 9, "nine sheets");
      expect.match(unzipText(ctx.xlsx, "xl/workbook.xml"), /name="Texter"/, "the texts' sheet");
      expect.match(unzipText(ctx.xlsx, "xl/sharedStrings.xml"), /Fler kommuner behöver/, "the text in the workbook");
      const charts = entries.filter((e) => /^xl\/charts\/chart\d+\.xml$/.test(e)).map((e) => unzipText(ctx.xlsx, e));
      expect.equal(charts.some((c) => c.includes("<c:lineChart>")), true, "a native line chart");
      await settle(session);
      await screenshot("report-02-saved");
      await dismissToasts(session);
      await session.execute("document.querySelector('[data-testid=report-seats-line]').scrollIntoView({ block: 'center' });");
      await settle(session);
      await screenshot("report-03-seats-line");
      await session.execute("document.querySelector('[data-testid=report-wording] summary').click();");
      await session.execute("document.querySelector('[data-testid=report-wording]').scrollIntoView({ block: 'start' });");
      await settle(session);
      await axe(session, "the headings and order", log);
      await screenshot("report-04-wording");
    },
  },
];
