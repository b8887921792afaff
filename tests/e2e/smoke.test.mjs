// Smoke test of the real app: it starts, every screen opens and passes axe, the language
// switches to English and back, and a screenshot of every screen is kept.

import { assertAccessible } from "./axe.mjs";
import { open } from "./helpers.mjs";

const SCREENS = [
  { route: "overview", sv: "Översikt", en: "Overview" },
  { route: "organisations", sv: "Organisationer", en: "Organisations" },
  { route: "people", sv: "Personer", en: "People" },
  { route: "groups", sv: "Grupper", en: "Groups" },
  { route: "meetings", sv: "Möten", en: "Meetings" },
  { route: "coverage", sv: "Täckning", en: "Coverage" },
  { route: "forms", sv: "Uppdragsblanketter", en: "Mandate forms" },
  { route: "report", sv: "Årsrapport", en: "Yearly report" },
  { route: "backups", sv: "Säkerhetskopior", en: "Backups" },
  { route: "log", sv: "Logg", en: "Log" },
  { route: "retention", sv: "Gallring", en: "Retention" },
  { route: "import", sv: "Import", en: "Import" },
  { route: "settings", sv: "Inställningar", en: "Settings" },
];

async function navTexts(session) {
  return session.execute(
    "return [...document.querySelectorAll('nav a[data-route]')].map((a) => a.textContent.trim());",
  );
}

async function chooseLanguage(session, lang) {
  await open(session, "settings");
  const radio = await session.waitForElement(`input[name="language"][value="${lang}"]`);
  await radio.click();
  await session.waitFor(`<html lang="${lang}">`, () =>
    session.execute("return document.documentElement.lang;").then((l) => l === lang),
  );
}

export const tests = [
  {
    name: "the app starts with the Swedish shell and the overview",
    async run({ session, expect }) {
      const h1 = await session.waitForElement('[data-screen="overview"] h1', 20_000);
      expect.equal(await h1.text(), "Översikt");
      expect.equal(await session.execute("return document.documentElement.lang;"), "sv");
      expect.deepEqual(
        await navTexts(session),
        SCREENS.map((s) => s.sv),
      );
    },
  },
  {
    name: "the design system's stylesheet is applied under the CSP",
    async run({ session, expect }) {
      const background = await session.execute(
        "return getComputedStyle(document.querySelector('nav.app-nav')).backgroundColor;",
      );
      expect.equal(background, "rgb(238, 241, 244)");
    },
  },
  {
    name: "the content security policy blocks eval, inline scripts and inline styles",
    async run({ session, expect }) {
      const probe = JSON.parse(
        await session.execute(`
          let evalBlocked = false;
          try { eval("1"); } catch { evalBlocked = true; }
          const script = document.createElement("script");
          script.textContent = "window.__inlineScriptRan = true";
          document.body.append(script);
          const div = document.createElement("div");
          div.setAttribute("style", "color: rgb(1, 2, 3)");
          document.body.append(div);
          const styled = getComputedStyle(div).color === "rgb(1, 2, 3)";
          script.remove();
          div.remove();
          return JSON.stringify({ evalBlocked, inlineScriptRan: window.__inlineScriptRan === true, styled });
        `),
      );
      expect.deepEqual(probe, { evalBlocked: true, inlineScriptRan: false, styled: false });
    },
  },
  ...SCREENS.map((screen, index) => ({
    name: `${screen.sv} opens, has no serious axe violations and is captured`,
    async run({ session, expect, screenshot, log }) {
      const h1 = await open(session, screen.route);
      expect.equal(await h1.text(), screen.sv);
      const current = await session.find(`nav a[data-route="${screen.route}"]`);
      expect.equal(await current.attribute("aria-current"), "page");
      const minor = await assertAccessible(session, screen.sv);
      if (minor.length) log(`axe (moderate/minor): ${minor.map((v) => v.id).join(", ")}`);
      await screenshot(`${String(index + 1).padStart(2, "0")}-${screen.route}-sv`);
    },
  })),
  {
    name: "the settings screen shows the version that the backend reports over IPC",
    async run({ session, expect }) {
      await open(session, "settings");
      const line = await session.waitForElement('[data-testid="app-version"]');
      expect.match(await line.text(), /^Samverkan, version \d+\.\d+\.\d+/);
    },
  },
  {
    name: "switching to English changes the navigation and <html lang>",
    async run({ session, expect, screenshot }) {
      await chooseLanguage(session, "en");
      expect.deepEqual(
        await navTexts(session),
        SCREENS.map((s) => s.en),
      );
      const h1 = await session.find('[data-screen="settings"] h1');
      expect.equal(await h1.text(), "Settings");
      const toast = await session.waitForElement(".toast-success > span");
      expect.equal(await toast.text(), "The app is now shown in English.");
      await screenshot(`${String(SCREENS.length + 1).padStart(2, "0")}-settings-en`);
      // Dismissing the message also keeps it out of the next screenshots.
      await (await session.find('.toast-success button[aria-label="Dismiss message"]')).click();
      await session.waitFor("the message to go", async () => (await session.findAll(".toast")).length === 0);
    },
  },
  ...SCREENS.filter((s) => s.route !== "settings").map((screen, index) => ({
    name: `${screen.en} in English has no serious axe violations and is captured`,
    async run({ session, expect, screenshot }) {
      const h1 = await open(session, screen.route);
      expect.equal(await h1.text(), screen.en);
      await assertAccessible(session, `${screen.en} (English)`);
      await screenshot(`${String(SCREENS.length + 2 + index).padStart(2, "0")}-${screen.route}-en`);
    },
  })),
  {
    name: "switching back to Swedish restores the Swedish navigation",
    async run({ session, expect }) {
      await chooseLanguage(session, "sv");
      expect.deepEqual(
        await navTexts(session),
        SCREENS.map((s) => s.sv),
      );
    },
  },
];
