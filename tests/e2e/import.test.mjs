// End-to-end flow of the Import screen for issue #11: a file whose roles name no group and one
// of whose organisations the register lacks. The check says what each column is read as and that
// roles without a group go into the county group, names the new organisation unticked and its
// row skipped, and offers the existing "Brottsofferjouren" for "Brottsofferjouren Dalarna".
// Ticking creation and the existing one, checking again and importing gives every row its
// appointment. The template is saved as XLSX (the save path given through the test hook).

import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ipc, open, click, waitText, setValue, settle, dismissToasts, axe } from "./helpers.mjs";

export const tests = [
  {
    name: "import: roles without a group go into the county group; a new organisation is created only when ticked",
    async run({ session, expect, screenshot, log }) {
      const dir = mkdtempSync(join(tmpdir(), "samverkan-e2e-import-roles-"));
      const file = join(dir, "roller.csv");
      writeFileSync(
        file,
        "Organisation;Namn;E-post;Roll\n" +
          "Falu kommun;Siv Rask;siv.rask@falun.se;Representant\n" +
          "Okänd förening;Tor Ask;tor@example.se;Representant\n" +
          "Brottsofferjouren Dalarna;Ulla Bok;ulla@boj.se;Ersättare\n",
      );
      await dismissToasts(session);
      await open(session, "import");
      await setValue(session, '[data-testid="import-path"]', file);
      await click(session, '[data-testid="import-read"]');
      await waitText(session, '[data-testid="import-columns"]', /Siv Rask/, "the columns and examples");
      await click(session, '[data-testid="import-check"]');
      const columns = await waitText(session, '[data-testid="import-report-columns"]', /Länsgruppen MVK/, "the columns' report");
      expect.match(columns, /rader utan grupp läses in i Länsgruppen MVK/, "where roles without a group go");
      const orgs = await waitText(session, '[data-testid="import-new-orgs"]', /Okänd förening/, "the new organisations");
      expect.match(orgs, /Läs in ”Brottsofferjouren Dalarna” som ”Brottsofferjouren”/, "the similar existing name");
      await waitText(session, '[data-testid="import-skipped"]', /skapas inte/, "the skipped rows");
      await axe(session, "Import (new organisations)", log);
      await session.execute('document.querySelector("[data-testid=import-new-orgs]").scrollIntoView({ block: "end" });');
      await settle(session);
      await screenshot("import-01-new-orgs");
      await click(session, 'input[data-create="Okänd förening"]');
      await click(session, 'input[data-existing="Brottsofferjouren Dalarna"]');
      await click(session, '[data-testid="import-check"]');
      await waitText(session, '[data-testid="import-report"]', /alla 3 rader kan läsas in/, "a clean check");
      await click(session, '[data-testid="import-apply"]');
      await waitText(session, '[data-testid="import-report"]', /Importen är klar/, "the import");
      const [okand] = await ipc(session, "list_orgs", { query: { text: "Okänd förening" } });
      expect.equal(okand?.name, "Okänd förening", "the ticked organisation created");
      const boj = await ipc(session, "list_orgs", { query: { text: "Brottsofferjouren" } });
      expect.equal(boj.length, 1, "no second Brottsofferjouren");
      for (const name of ["Siv Rask", "Tor Ask", "Ulla Bok"]) {
        const [p] = await ipc(session, "list_people", { query: { text: name } });
        const d = await ipc(session, "person_detail", { id: p.id });
        expect.equal(d.appointments[0]?.group_name, "Länsgruppen MVK", `${name} in the county group`);
      }
      await screenshot("import-02-imported");
    },
  },
  {
    name: "import: the template is saved as XLSX from the screen",
    async run({ session, expect }) {
      const dir = mkdtempSync(join(tmpdir(), "samverkan-e2e-template-"));
      const file = join(dir, "importmall.xlsx");
      await session.execute("window.__samverkanTestPaths = arguments[0];", [{ save: file }]);
      try {
        await dismissToasts(session);
        await open(session, "import");
        await click(session, '[data-testid="import-template-xlsx"]');
        await waitText(session, "body", /Mallen är sparad/, "the template's message");
        expect.equal(existsSync(file), true, "the template on disk");
      } finally {
        await session.execute("delete window.__samverkanTestPaths;");
      }
    },
  },
];
