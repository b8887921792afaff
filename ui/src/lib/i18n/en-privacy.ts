// English texts of personal-data rights (see sv-privacy.ts).
import type { svPrivacy } from "./sv-privacy";

export const enPrivacy: Record<keyof typeof svPrivacy, string> = {
  "privacy.person.heading": "Personal data",
  "privacy.person.help":
    "A register extract holds everything the register has about the person: data, appointments, attendance, exports and logged changes. Erasing the personal data anonymises the person.",
  "privacy.extract.pdf": "Register extract (PDF)",
  "privacy.extract.json": "Register extract (JSON)",
  "privacy.extract.title": "Save the register extract for {name}",
  "privacy.extract.file": "Register extract {name}",
  "privacy.extract.done":
    "Register extract for {name} saved in {file} (appointments: {appointments}, logged changes: {changes}, exports: {exports}).",
  "privacy.erase.button": "Erase personal data (anonymise)",
  "privacy.erase.title": "Erase the personal data of {name}?",
  "privacy.erase.message":
    "The name is replaced by “Borttagen person N”, and title, e-mail, phone and notes are cleared. Appointments and attendance are kept without a name, as anonymous statistics, and the log's copies of the data are removed. This cannot be undone.",
  "privacy.erase.active":
    "{name} has {count} current or upcoming appointments. They are kept, but without a name.",
  "privacy.erase.confirm": "Erase the personal data",
  "privacy.erase.done": "The personal data is erased. The person is now called {name}.",
  "privacy.erased": "The personal data was erased {at} (UTC); the person is now called {name}.",
  "privacy.failed": "That could not be done.",

  "nav.retention": "Retention",
  "screen.retention.description":
    "People whose last appointment ended more than a number of months ago. Their personal data is probably no longer needed: anonymise them.",
  "retention.months": "Months since the last appointment ended",
  "retention.monthsInvalid": "Give a whole number of months, 0–1200.",
  "retention.count": "People: {count}",
  "retention.none": "No one's last appointment ended more than {months} months ago.",
  "retention.caption": "People whose last appointment ended more than {months} months ago",
  "retention.selectAll": "Select all",
  "retention.select": "Select {name}",
  "retention.col.name": "Name",
  "retention.col.organisation": "Organisation",
  "retention.col.lastServed": "Last served",
  "retention.selected": "selected: {count}",
  "retention.erase": "Anonymise selected",
  "retention.confirmTitle": "Anonymise the selected people ({count})?",
  "retention.confirmMessage":
    "The names are replaced by “Borttagen person N”, and title, e-mail, phone and notes are cleared for the selected people ({count}). Appointments and attendance are kept without a name. This cannot be undone.",
  "retention.confirm": "Anonymise ({count})",
  "retention.done": "Anonymised: {count}.",
};
