// English texts of the reminders to organisations' principals (Översikt).
import type { svReminders } from "./sv-reminders";

export const enReminders: Record<keyof typeof svReminders, string> = {
  "remind.heading": "Reminders to principals",
  "remind.intro": "Organisations with seats that stand empty, or whose terms end within {days} days, can get a letter to their principal with the mandate form attached.",
  "remind.due": "{count} reminders to send",
  "remind.due.one": "1 reminder to send",
  "remind.noneDue": "No reminders to send just now.",
  "remind.recent": "{count} sent within the period",
  "remind.lastSent": "last sent {date}",
  "remind.neverSent": "not sent",
  "remind.noEmail": "no e-mail: the letter is printed",
  "remind.seat.vacant": "{role}: empty",
  "remind.seat.term_ending": "{role}: {person}, until {date}",
  "remind.seat.term_expired": "{role}: {person}, ended {date}",
  "remind.seat.hidden": "the current holder",
  "remind.write": "Write the reminders",
  "remind.again": "Also write those already reminded within the period",
  "remind.chooseDir": "Choose a folder for the reminders",
  "remind.done": "{count} reminders are saved in {dir}.",
  "remind.doneNone": "No reminders to write: all were already sent within the period.",
  "remind.period": "Remind when a term ends within (days)",
  "remind.savePeriod": "Save the period",
  "remind.periodSaved": "The reminder period is {days} days.",
  "remind.more": "Showing {shown} of {total}.",
  "remind.openSeats": "{count} open seats stand empty: they belong to no organisation and get no reminder.",
};
