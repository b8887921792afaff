// English. Same keys as sv.ts; the type and a unit test both hold it to that.
import type { MessageKey } from "./sv";
import { enRegister } from "./en-register";
import { enNetwork } from "./en-network";
import { enMeetings } from "./en-meetings";
import { enSafety } from "./en-safety";
import { enPrivacy } from "./en-privacy";
import { enForms } from "./en-forms";
import { enSeats } from "./en-seats";
import { enReport } from "./en-report";
import { enInvitations } from "./en-invitations";
import { enReminders } from "./en-reminders";

export const en: Record<MessageKey, string> = {
  ...enRegister,
  ...enNetwork,
  ...enMeetings,
  ...enSafety,
  ...enPrivacy,
  ...enForms,
  ...enSeats,
  ...enReport,
  ...enInvitations,
  ...enReminders,

  "app.name": "Samverkan",
  "app.skipToContent": "Skip to content",
  "app.screenFailed": "The page could not be opened. Restart Samverkan.",
  "app.version": "Version {version}",
  "app.loading": "Loading …",
  "picker.matches": "Matches",
  "picker.none": "No match.",
  "picker.more": "The first {count} are shown; type more to find others.",

  "nav.label": "Main menu",
  "nav.overview": "Overview",
  "nav.organisations": "Organisations",
  "nav.people": "People",
  "nav.groups": "Groups",
  "nav.coverage": "Coverage",
  "nav.settings": "Settings",

  "screen.overview.description":
    "What needs attention: empty seats in every group, the county group first, and terms that are ending or have expired.",
  "screen.organisations.description":
    "The member organisations of the network and who represents each of them.",
  "screen.people.description":
    "Representatives, substitutes and principals with their contact details and terms.",
  "screen.groups.description":
    "The network's groups, how often they meet and who represents each organisation in them.",
  "screen.coverage.description":
    "Every organisation against every group: who is representative and substitute, and where someone is missing.",
  "screen.settings.description": "Choices that apply to the whole app on this computer.",

  "settings.language.legend": "Language",
  "settings.language.help": "The language applies to the whole app and is kept for next time.",
  "settings.language.changed": "The app is now shown in English.",
  "settings.register.heading": "Register file",
  "settings.register.path": "The register is kept in this file:",
  "settings.register.help":
    "The samverkan command-line tool uses the same file. Another file can be chosen with the SAMVERKAN_DB environment variable before the app starts.",
  "settings.register.counts":
    "{organisations} organisations, {people} people, {groups} groups, {appointments} appointments.",
  "app.registerError.heading": "The register could not be opened",
  "app.registerError.help":
    "Nothing in the file was changed. Check that the right file is used (the SAMVERKAN_DB environment variable) and restart Samverkan.",
  "settings.about.heading": "About the app",
  "settings.about.version": "{name}, version {version}",

  "language.sv": "Svenska",
  "language.en": "English",

  "dialog.confirm": "Confirm",
  "dialog.cancel": "Cancel",

  "status.label": "Messages",
  "status.dismiss": "Dismiss message",

  "error.heading": "Something went wrong",
  "error.internal": "Something unexpected went wrong in the program. Nothing was changed. Try again, and contact whoever looks after Samverkan if it happens again.",
  "error.unexpected": "An unexpected error occurred: {detail}",
  "form.required": "Please fill in {field}.",
};
