// End-to-end test of the Organisationer and Personer screens: add an organisation through the
// form (with a field error on the way), give it a contact and a principal, add a person to it,
// open both detail views (also with appointments), see removal asked for and refused, and run
// axe on every view. Screenshots are named reg-*. The organisation and its people stay in the
// run's register (they hold appointments, which are history and are never deleted).

import { ipc, open, click, dismissToasts, axe } from "./helpers.mjs";

const ORG_NAME = "Föreningen Trygg Dalarna";
const PERSON_NAME = "Maria Lind";

/** Luhn check digit of the nine first digits of an organisation number. */
function luhn(nine) {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}
const ORG_NUMBER = `802477-391${luhn("802477391")}`;

/** Types into an input, textarea or select the way a user's edit ends: value, then events. */
async function fill(session, selector, value) {
  await session.waitForElement(selector);
  const ok = await session.execute(
    `const el = document.querySelector(arguments[0]);
     if (!el) return false;
     el.focus();
     el.value = arguments[1];
     el.dispatchEvent(new Event("input", { bubbles: true }));
     el.dispatchEvent(new Event("change", { bubbles: true }));
     return true;`,
    [selector, value],
  );
  if (!ok) throw new Error(`no element ${selector}`);
}

/** Clicks the first button (or link) whose text is `text`, optionally inside `within`. */
async function clickText(session, text, within = "body") {
  await session.waitFor(`a button or link "${text}"`, () =>
    session.execute(
      `const root = document.querySelector(arguments[0]);
       const el = root && [...root.querySelectorAll("button, a")].find(
         (b) => b.textContent.replace(/^\s*[←+]/, "").trim() === arguments[1] && b.offsetParent !== null);
       if (!el) return false;
       el.click();
       return true;`,
      [within, text],
    ),
  );
}

async function h1Text(session) {
  return session.execute(
    `const h = [...document.querySelectorAll("main h1")].find((e) => e.offsetParent !== null);
     return h ? h.textContent.trim() : null;`,
  );
}

async function waitH1(session, text) {
  await session.waitFor(`the heading "${text}"`, async () => (await h1Text(session)) === text, 15_000);
}

async function activeIsH1(session) {
  return session.execute("return document.activeElement && document.activeElement.tagName === 'H1';");
}

/** The text of the newest success message (read from the DOM: it fades in). */
async function toastText(session) {
  return session.waitFor("a success message", () =>
    session.execute(`const all = document.querySelectorAll(".toast-success > span");
      return all.length ? all[all.length - 1].textContent : null;`));
}

/** Scrolls the main area (only it) so that the element with `id` is at its top. */
async function scrollTo(session, id) {
  await session.execute(
    `const main = document.querySelector("main");
     const el = document.getElementById(arguments[0]);
     main.scrollTop += el.getBoundingClientRect().top - main.getBoundingClientRect().top - 16;`,
    [id],
  );
  // Let the web view paint the new position before a screenshot.
  await new Promise((resolve) => setTimeout(resolve, 250));
}

let orgId = null;
let personId = null;

export const tests = [
  {
    name: "the organisation list shows the template's organisations, filters and sorts",
    async run({ session, expect, screenshot, log }) {
      await open(session, "organisations");
      await session.waitFor("the organisation rows", async () =>
        (await session.findAll('[data-testid="org-list"] tbody a[href^="#/organisations/"]')).length >= 30,
      15_000);
      const count = await session.find('[data-testid="org-count"]');
      expect.match(await count.text(), /^\d+ organisationer visas$/, "count line");
      const header = await session.find('[data-testid="org-list"] th[aria-sort="ascending"]');
      expect.match(await header.text(), /Namn/, "sorted column");
      await axe(session, "the organisation list", log);
      await screenshot("reg-01-organisations");

      await fill(session, "#orgs-search", "borl");
      await session.waitFor("the search to narrow the list", async () =>
        (await (await session.find('[data-testid="org-count"]')).text()) === "2 organisationer visas");
      await fill(session, "#orgs-filter-kind", "municipality");
      await session.waitFor("the kind filter", async () =>
        (await (await session.find('[data-testid="org-count"]')).text()) === "1 organisation visas");
      await screenshot("reg-02-organisations-filtered");
      await clickText(session, "Rensa filter");
      await session.waitFor("the full list again", async () =>
        (await session.findAll('[data-testid="org-list"] tbody a')).length >= 30);
    },
  },
  {
    name: "adding an organisation shows the core's field error beside the field, then saves",
    async run({ session, expect, screenshot, log }) {
      await clickText(session, "Ny organisation");
      await waitH1(session, "Ny organisation");
      expect.equal(await activeIsH1(session), true, "focus on the form's heading");
      await axe(session, "the add-organisation form", log);
      await screenshot("reg-03-org-new");

      await fill(session, "#org-name", ORG_NAME);
      await fill(session, "#org-kind", "non_profit");
      await fill(session, "#org-email", "info-at-tryggdalarna.se");
      await click(session, '[data-testid="org-form"] button[type="submit"]');
      const error = await session.waitForElement("#org-email-error");
      expect.match(await error.text(), /e-post/i, "the e-mail error");
      const email = await session.find("#org-email");
      expect.equal(await email.attribute("aria-invalid"), "true", "aria-invalid");
      expect.match(await email.attribute("aria-describedby"), /org-email-error/, "aria-describedby");
      expect.equal(
        await session.execute("return document.activeElement && document.activeElement.id;"),
        "org-email",
        "focus on the faulty field",
      );
      await axe(session, "the add-organisation form with an error", log);
      await screenshot("reg-04-org-new-error");

      await fill(session, "#org-email", "info@tryggdalarna.se");
      await fill(session, "#org-short_name", "Trygg Dalarna");
      await fill(session, "#org-org_number", ORG_NUMBER);
      await fill(session, "#org-phone", "023-123 45");
      await fill(session, "#org-postal_address", "Box 12, 791 21 Falun");
      await session.execute(
        `[...document.querySelectorAll('[data-testid="org-form"] label.choice')]
           .find((l) => l.textContent.includes("Länsgruppen"))?.querySelector("input")?.click();`,
      );
      await click(session, '[data-testid="org-form"] button[type="submit"]');
      await waitH1(session, ORG_NAME);
      const hash = await session.execute("return location.hash;");
      expect.match(hash, /^#\/organisations\/\d+$/, "the detail route");
      orgId = Number(hash.split("/")[2]);
      expect.equal(await toastText(session), `${ORG_NAME} har lagts till.`);
      await dismissToasts(session);
    },
  },
  {
    name: "the organisation's page shows its data and seat, takes a contact and a principal",
    async run({ session, expect, screenshot, log }) {
      const text = await session.execute("return document.querySelector('main').innerText;");
      expect.match(text, new RegExp(ORG_NUMBER), "org number shown");
      expect.match(text, /Länsgruppen MVK/, "the county group seat");
      expect.match(text, /Vakant/, "vacant seats");

      await clickText(session, "Lägg till kontakt");
      await fill(session, "#contact-function", "Individ- och familjeomsorg");
      await fill(session, "#contact-name", "Karin Berg");
      await fill(session, "#contact-email", "karin.berg@tryggdalarna.se");
      await clickText(session, "Lägg till kontakt", 'form[aria-labelledby="contact-form-heading"]');
      await session.waitFor("the contact row", async () =>
        /Karin Berg/.test(await session.execute("return document.querySelector('main').innerText;")));

      await clickText(session, "Ange uppdragsgivare");
      await fill(session, "#principal-name", "Eva Ström");
      await fill(session, "#principal-title", "Verksamhetschef");
      await clickText(session, "Spara", 'form[aria-labelledby="principal-form-heading"]');
      await session.waitFor("the principal", async () =>
        /Eva Ström/.test(await session.execute("return document.querySelector('main').innerText;")));
      await dismissToasts(session);
      await axe(session, "the organisation's page", log);
      await screenshot("reg-05-org-detail");
      await scrollTo(session, "seats-heading");
      await screenshot("reg-05b-org-detail-groups");
      await scrollTo(session, "contacts-heading");
      await screenshot("reg-05c-org-detail-contacts");
      await session.execute("document.querySelector('main').scrollTop = 0;");
    },
  },
  {
    name: "a person is added to the organisation from its page, marked protected",
    async run({ session, expect, screenshot, log }) {
      await clickText(session, "Lägg till person");
      await waitH1(session, "Ny person");
      const select = await session.waitForElement("#person-organisation");
      expect.equal(await select.property("value"), String(orgId), "the organisation is chosen");
      await axe(session, "the add-person form", log);
      await screenshot("reg-06-person-new");

      await fill(session, "#person-name", PERSON_NAME);
      await fill(session, "#person-title", "Samordnare");
      await fill(session, "#person-email", "maria.lind@tryggdalarna.se");
      await click(session, "#person-protected");
      await click(session, '[data-testid="person-form"] button[type="submit"]');
      await waitH1(session, PERSON_NAME);
      expect.equal(await activeIsH1(session), true, "focus on the person's heading");
      const hash = await session.execute("return location.hash;");
      personId = Number(hash.split("/")[2]);
      const badge = await session.find('[data-testid="person-heading"] + [role="img"][aria-label="Skyddade personuppgifter"]');
      expect.equal(await badge.text(), "Skyddad");
      await dismissToasts(session);
      await axe(session, "the person's page", log);
      await screenshot("reg-07-person-detail");
    },
  },
  {
    name: "the people list shows the person with organisation and the protected badge",
    async run({ session, expect, screenshot, log }) {
      await clickText(session, "Tillbaka till personer");
      await session.waitFor("the people list", async () =>
        (await session.findAll(`#person-link-${personId}`)).length === 1);
      expect.equal(
        await session.execute("return document.activeElement && document.activeElement.id;"),
        `person-link-${personId}`,
        "focus back on the person's row",
      );
      const row = await session.execute(
        `return document.getElementById(arguments[0]).closest("tr").innerText;`, [`person-link-${personId}`]);
      expect.match(row, new RegExp(`${PERSON_NAME}.*Skyddad.*${ORG_NAME}.*Samordnare`, "s"), "the row");
      await axe(session, "the people list", log);
      await screenshot("reg-08-people");
    },
  },
  {
    name: "the organisation's page shows holders, periods, expired term, history and protection",
    async run({ session, expect, screenshot, log }) {
      // Appointing is the Groups screen's flow (tested in network.test.mjs); here the core is
      // asked directly, so that this page is seen with real appointments.
      const groups = await ipc(session, "list_groups");
      const county = groups.find((g) => g.group.one_per_org).group.id;
      const add = (name) => ipc(session, "add_person", {
        draft: { name, title: null, organisation_id: orgId, email: null, phone: null, protected: false, notes: null },
      });
      const johan = await add("Johan Ek");
      const lena = await add("Lena Holm");
      const appoint = (person, role, from, to, replace = false) => ipc(session, "appoint", {
        request: { person_id: person, group_id: county, role, organisation_id: orgId, from, to, replace },
      });
      await appoint(personId, "representative", "2023-01-01", "2024-12-31");
      await appoint(johan.id, "substitute", "2021-01-01", "2022-12-31");
      await appoint(lena.id, "substitute", "2023-01-01", null, true);

      await session.execute(`location.hash = arguments[0];`, [`#/organisations/${orgId}`]);
      await waitH1(session, ORG_NAME);
      await session.waitFor("the seat holders", async () =>
        /Lena Holm/.test(await session.execute("return document.querySelector('main').innerText;")));
      const seats = await session.execute(
        "return document.getElementById('seats-heading').closest('section').innerText;");
      expect.match(seats, new RegExp(`Representant\\s+${PERSON_NAME}`), "the representative");
      expect.match(seats, /2023-01-01 – 2024-12-31/, "the representative's period");
      expect.match(seats, /Mandattiden har gått ut/, "the expired term");
      expect.match(seats, /Ersättare\s+Lena Holm/, "the substitute");
      const badges = await session.execute(
        `return document.querySelectorAll('#seats-heading ~ section .reg-holder [aria-label="Skyddade personuppgifter"]').length;`);
      expect.equal(badges, 1, "the protected badge beside the representative");
      await session.execute("document.querySelector('.reg-details summary').click();");
      await session.waitFor("the history", async () =>
        /Johan Ek/.test(await session.execute("return document.querySelector('.reg-details').innerText;")));
      await dismissToasts(session);
      await axe(session, "the organisation's page with appointments", log);
      await scrollTo(session, "seats-heading");
      await screenshot("reg-10-org-detail-seats");

      await session.execute(`location.hash = arguments[0];`, [`#/people/${personId}`]);
      await waitH1(session, PERSON_NAME);
      await session.waitFor("the appointments table", async () =>
        (await session.findAll('#person-appointments-heading ~ .table-wrap tbody tr')).length === 1);
      const row = await session.execute("return document.querySelector('#person-appointments-heading ~ .table-wrap tbody tr').innerText;");
      expect.match(row, /Länsgruppen MVK.*Representant.*Mandattiden har gått ut/s, "the appointment row");
      await axe(session, "the person's page with appointments", log);
      await screenshot("reg-11-person-detail-appointments");
    },
  },
  {
    name: "removing asks first and shows the core's refusal while appointments exist",
    async run({ session, expect, screenshot }) {
      await clickText(session, "Ta bort personen");
      await session.waitForElement("dialog[open]");
      await clickText(session, "Ta bort", "dialog[open]");
      const refusal = await session.waitForElement("#person-action-error");
      expect.match(await refusal.text(), /kan inte tas bort/, "the core's refusal");
      await screenshot("reg-12-person-remove-refused");

      await session.execute(`location.hash = arguments[0];`, [`#/organisations/${orgId}`]);
      await waitH1(session, ORG_NAME);
      await clickText(session, "Ta bort organisationen");
      await session.waitForElement("dialog[open]");
      await screenshot("reg-13-org-remove-confirm");
      await clickText(session, "Ta bort", "dialog[open]");
      const orgRefusal = await session.waitForElement("#org-action-error");
      expect.match(await orgRefusal.text(), /kan inte tas bort/, "the core's refusal");
      expect.equal(await h1Text(session), ORG_NAME, "still on the organisation's page");
      await screenshot("reg-14-org-remove-refused");
    },
  },
];
