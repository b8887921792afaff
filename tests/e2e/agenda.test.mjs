// End-to-end flow of a meeting's agenda on a fresh Dalarna register: a new meeting starts from
// the template's default agenda with times from its start, an item is added through the form,
// moved up, and another removed; what the screen shows is what the register holds. The group's
// default is edited on the group's page. Axe runs on the page; screenshots are agenda-*.png.

import { ipc, open, click, waitText, setValue, settle, axe } from "./helpers.mjs";

const GROUP = "Länsgruppen MVK";
const ctx = {};
const titles = (agenda) => agenda.items.map((i) => i.title);

/** Clicks an element after scrolling it to the middle of the window (the form opens below the table). */
async function clickCentred(session, selector) {
  await session.waitForElement(selector);
  await session.execute("document.querySelector(arguments[0]).scrollIntoView({ block: 'center' });", [selector]);
  await settle(session);
  await click(session, selector);
}

export const tests = [
  {
    name: "agenda: a new meeting shows the template's default agenda with times from its start",
    async run({ session, expect, screenshot, log }) {
      await session.waitForElement('[data-screen="overview"] h1', 20_000);
      const groups = await ipc(session, "list_groups");
      ctx.county = groups.find((g) => g.group.name === GROUP).group.id;
      const m = await ipc(session, "add_meeting", {
        draft: { group_id: ctx.county, date: "2027-03-10", start: "09:00", end: "12:00" },
      });
      ctx.meeting = m.id;
      ctx.p = `#agenda-meeting-${m.id}`;
      await open(session, "meetings");
      // The meeting's page by its address (the year list re-renders while the year is set).
      await session.execute("location.hash = arguments[0];", [`#/meetings/${ctx.meeting}`]);
      await waitText(session, '[data-testid="agenda-table"]', /Mötet öppnas/, "the default agenda");
      await waitText(session, '[data-testid="agenda-table"]', /09:00–09:05/, "the first item's time");
      await axe(session, "a meeting's agenda", log);
      await settle(session);
      await screenshot("agenda-01-default");
    },
  },
  {
    name: "agenda: an item is added through the form, moved up, and another removed",
    async run({ session, expect, screenshot }) {
      await click(session, '[data-testid="agenda-add"]');
      await session.waitForElement(`${ctx.p}-title`);
      await setValue(session, `${ctx.p}-title`, "Rapport från Länsstyrelsen – åtgärdsplan");
      await setValue(session, `${ctx.p}-kind`, "Beslut");
      await setValue(session, `${ctx.p}-minutes`, "20");
      await setValue(session, `${ctx.p}-presenter`, "Länsstyrelsen");
      await clickCentred(session, '[data-testid="agenda"] form button[type="submit"]');
      await waitText(session, ".toast", /Punkten ”Rapport från Länsstyrelsen – åtgärdsplan” är tillagd/, "added");
      let stored = await ipc(session, "agenda", { of: { of: "meeting", id: ctx.meeting } });
      const n = stored.items.length;
      expect.equal(stored.items[n - 1].title, "Rapport från Länsstyrelsen – åtgärdsplan", "added last");
      expect.equal(stored.items[n - 1].kind, "decision", "its kind");

      await clickCentred(session, 'button[aria-label="Flytta upp Rapport från Länsstyrelsen – åtgärdsplan"]');
      await session.waitFor("the item moved up", async () => {
        const a = await ipc(session, "agenda", { of: { of: "meeting", id: ctx.meeting } });
        return a.items[n - 2].title === "Rapport från Länsstyrelsen – åtgärdsplan" ? a : null;
      });
      await clickCentred(session, 'button[aria-label="Ta bort Aktuella frågor"]');
      await waitText(session, ".toast", /Punkten ”Aktuella frågor” är borttagen/, "removed");
      stored = await ipc(session, "agenda", { of: { of: "meeting", id: ctx.meeting } });
      expect.equal(titles(stored).includes("Aktuella frågor"), false, "removed from the register");
      const shown = await session.execute(
        "return [...document.querySelectorAll('[data-testid=\"agenda-table\"] tbody tr')].map((r) => r.dataset.item);",
      );
      expect.equal(JSON.stringify(shown), JSON.stringify(titles(stored)), "the screen shows the register's order");
      await settle(session);
      await screenshot("agenda-02-edited");
    },
  },
  {
    name: "agenda: the group's default is edited on the group's page and a new meeting starts from it",
    async run({ session, expect, screenshot }) {
      await session.execute("location.hash = arguments[0];", [`#/groups/${ctx.county}`]);
      const p = `#agenda-group-${ctx.county}`;
      await waitText(session, `[data-testid="agenda"]:has(${p}-heading)`, /Mötet öppnas/, "the group's default");
      await click(session, `[data-testid="agenda"]:has(${p}-heading) [data-testid="agenda-add"]`);
      await setValue(session, `${p}-title`, "Länets lägesbild");
      await setValue(session, `${p}-minutes`, "15");
      await clickCentred(session, `[data-testid="agenda"]:has(${p}-heading) form button[type="submit"]`);
      await waitText(session, ".toast", /Punkten ”Länets lägesbild” är tillagd/, "added to the default");
      const m = await ipc(session, "add_meeting", {
        draft: { group_id: ctx.county, date: "2027-05-12", start: "13:00", end: "16:00" },
      });
      const a = await ipc(session, "agenda", { of: { of: "meeting", id: m.id } });
      expect.equal(titles(a).at(-1), "Länets lägesbild", "the new meeting starts from the saved default");
      await settle(session);
      await screenshot("agenda-03-group-default");
    },
  },
];
