// Swedish texts of personal-data rights: the register extract and erasure on a person's page,
// and the Gallring screen (retention).
export const svPrivacy = {
  "privacy.person.heading": "Personuppgifter",
  "privacy.person.help":
    "Ett registerutdrag innehåller allt registret har om personen: uppgifter, uppdrag, närvaro, exporter och loggade ändringar. Att radera personuppgifterna anonymiserar personen.",
  "privacy.extract.pdf": "Registerutdrag (PDF)",
  "privacy.extract.json": "Registerutdrag (JSON)",
  "privacy.extract.title": "Spara registerutdrag för {name}",
  "privacy.extract.file": "Registerutdrag {name}",
  "privacy.extract.done":
    "Registerutdrag för {name} sparat i {file} (uppdrag: {appointments}, loggade ändringar: {changes}, exporter: {exports}).",
  "privacy.erase.button": "Radera personuppgifter (anonymisera)",
  "privacy.erase.title": "Radera personuppgifterna för {name}?",
  "privacy.erase.message":
    "Namnet ersätts av ”Borttagen person N”, och titel, e-post, telefon och anteckningar töms. Uppdrag och närvaro sparas utan namn, som anonym statistik, och loggens kopior av uppgifterna tas bort. Det går inte att ångra.",
  "privacy.erase.active":
    "{name} har {count} pågående eller kommande uppdrag. De finns kvar, men utan namn.",
  "privacy.erase.confirm": "Radera personuppgifterna",
  "privacy.erase.done": "Personuppgifterna är raderade. Personen heter nu {name}.",
  "privacy.erased": "Personuppgifterna raderades {at} (UTC); personen heter nu {name}.",
  "privacy.failed": "Det gick inte att genomföra.",

  "nav.retention": "Gallring",
  "screen.retention.description":
    "Personer vars senaste uppdrag avslutades för mer än ett antal månader sedan. Deras personuppgifter behövs troligen inte längre: anonymisera dem.",
  "retention.months": "Månader sedan senaste uppdraget avslutades",
  "retention.monthsInvalid": "Ange ett helt antal månader, 0–1200.",
  "retention.count": "Antal personer: {count}",
  "retention.none": "Ingen person har ett senaste uppdrag som avslutades för mer än {months} månader sedan.",
  "retention.caption": "Personer vars senaste uppdrag avslutades för mer än {months} månader sedan",
  "retention.selectAll": "Markera alla",
  "retention.select": "Markera {name}",
  "retention.col.name": "Namn",
  "retention.col.organisation": "Organisation",
  "retention.col.lastServed": "Senast i uppdrag",
  "retention.selected": "markerade: {count}",
  "retention.erase": "Anonymisera markerade",
  "retention.confirmTitle": "Anonymisera de markerade personerna ({count} st)?",
  "retention.confirmMessage":
    "Namnen ersätts av ”Borttagen person N”, och titel, e-post, telefon och anteckningar töms för de markerade personerna ({count} st). Uppdrag och närvaro sparas utan namn. Det går inte att ångra.",
  "retention.confirm": "Anonymisera ({count} st)",
  "retention.done": "Anonymiseringen är klar ({count} st).",
};
