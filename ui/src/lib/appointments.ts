// One place for the words about appointments and seats: where an appointment stands (the
// same status vocabulary on every page), who a seat is for, and a coming successor.
import type { Appointment } from "./bindings/Appointment";
import type { AppointmentStatus } from "./bindings/AppointmentStatus";
import type { Seat } from "./bindings/Seat";
import { t, type MessageKey } from "./i18n/index.svelte";

/** Where an appointment stands on `today`: the core's rule (`Appointment::status`). */
export function appointmentStatus(a: Appointment, today: string): AppointmentStatus {
  if (a.ended_on !== null && a.ended_on < today) return "ended";
  if (a.from > today) return "upcoming";
  if (a.to !== null && a.to < today) return "term_expired";
  return "active";
}

/** The message key of a status: every page says the same word for the same status. */
export const statusKey = (s: AppointmentStatus) => `status.${s}` as MessageKey;

/** The status in words. */
export const statusText = (s: AppointmentStatus) => t(statusKey(s));

/** Who a seat is for, in the UI's language: "Falu kommun", "Socialchef (valfri kommun)". */
export function seatName(seat: Seat): string {
  const whom =
    seat.organisation_name ??
    (seat.org_kind ? t(`seat.anyKind.${seat.org_kind}` as MessageKey) : t("seat.anyOrg"));
  return seat.label ? t("seat.labelled", { label: seat.label, whom }) : whom;
}

/** "från 2027-01-01: Sara Lind". */
export const successorText = (a: Appointment) =>
  t("seat.successor", { date: a.from, person: a.person_name });

/**
 * Whether to offer withdrawing: the appointment has not ended. The core allows it only on the
 * day the appointment was made and says so when it refuses.
 */
export const maybeWithdrawable = (a: Appointment) => a.ended_on === null;
