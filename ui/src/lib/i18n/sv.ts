// Swedish, the app's default language. The key set is the reference: en.ts must match it.
import { svRegister } from "./sv-register";
import { svNetwork } from "./sv-network";
import { svMeetings } from "./sv-meetings";
import { svSafety } from "./sv-safety";
import { svPrivacy } from "./sv-privacy";
import { svForms } from "./sv-forms";
import { svSeats } from "./sv-seats";
import { svReport } from "./sv-report";
import { svInvitations } from "./sv-invitations";
import { svReminders } from "./sv-reminders";

export const sv = {
  ...svRegister,
  ...svNetwork,
  ...svMeetings,
  ...svSafety,
  ...svPrivacy,
  ...svForms,
  ...svSeats,
  ...svReport,
  ...svInvitations,
  ...svReminders,

  "app.name": "Samverkan",
  "app.skipToContent": "Hoppa till innehållet",
  "app.screenFailed": "Sidan kunde inte öppnas. Starta om Samverkan.",
  "app.version": "Version {version}",
  "app.loading": "Laddar …",
  "picker.matches": "Träffar",
  "picker.none": "Ingen träff.",
  "picker.more": "De {count} första visas; skriv mer för att hitta fler.",

  "nav.label": "Huvudmeny",
  "nav.overview": "Översikt",
  "nav.organisations": "Organisationer",
  "nav.people": "Personer",
  "nav.groups": "Grupper",
  "nav.coverage": "Täckning",
  "nav.settings": "Inställningar",

  "screen.overview.description":
    "Det som behöver åtgärdas: tomma platser i alla grupper, länsgruppen först, och mandattider som går ut eller har gått ut.",
  "screen.organisations.description":
    "Medlemsorganisationerna i nätverket och vem som representerar var och en.",
  "screen.people.description":
    "Representanter, ersättare och uppdragsgivare med kontaktuppgifter och uppdragsperioder.",
  "screen.groups.description":
    "Nätverkets grupper, hur ofta de möts och vilka som representerar varje organisation i dem.",
  "screen.coverage.description":
    "Alla organisationer mot alla grupper: vem som är representant och ersättare, och var det saknas någon.",
  "screen.settings.description": "Val som gäller hela appen på den här datorn.",

  "settings.language.legend": "Språk",
  "settings.language.help": "Språket gäller hela appen och sparas till nästa gång du öppnar den.",
  "settings.language.changed": "Appen visas nu på svenska.",
  "settings.register.heading": "Registerfil",
  "settings.register.path": "Registret sparas i den här filen:",
  "settings.register.help":
    "Kommandoradsverktyget samverkan använder samma fil. En annan fil kan anges med miljövariabeln SAMVERKAN_DB innan appen startas.",
  "settings.register.counts":
    "{organisations} organisationer, {people} personer, {groups} grupper, {appointments} uppdrag.",
  "app.registerError.heading": "Registret kunde inte öppnas",
  "app.registerError.help":
    "Inget har ändrats i filen. Kontrollera att rätt fil används (miljövariabeln SAMVERKAN_DB) och starta om Samverkan.",
  "settings.about.heading": "Om appen",
  "settings.about.version": "{name}, version {version}",

  "language.sv": "Svenska",
  "language.en": "English",

  "dialog.confirm": "Bekräfta",
  "dialog.cancel": "Avbryt",

  "status.label": "Meddelanden",
  "status.dismiss": "Stäng meddelandet",

  "error.heading": "Något gick fel",
  "error.internal": "Något gick oväntat fel i programmet. Inget har ändrats. Försök igen, och kontakta den som sköter Samverkan om det händer igen.",
  "error.unexpected": "Ett oväntat fel inträffade: {detail}",
  "form.required": "Fyll i {field}.",
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof sv;
