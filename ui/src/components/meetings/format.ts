// Small helpers of the Möten screen: weekdays, attendance keys, the substitute rule, dates.
import type { AttendanceRow } from "../../lib/bindings/AttendanceRow";
import type { AttendanceStatus } from "../../lib/bindings/AttendanceStatus";
import type { ForbiddenDay } from "../../lib/bindings/ForbiddenDay";
import type { MeetingStatus } from "../../lib/bindings/MeetingStatus";
import type { MessageKey } from "../../lib/i18n/index.svelte";
import type { Language } from "../../lib/i18n/index.svelte";

/** What a key press in the attendance table does. */
export type AttendanceAction = AttendanceStatus | "substitute";
export const ACTIONS: readonly AttendanceAction[] = ["present", "absent", "excused", "substitute"];

export const statusKey = (s: MeetingStatus) => `meet.status.${s}` as MessageKey;
export const actionKey = (a: AttendanceAction) => `meet.att.${a}` as MessageKey;
export const actionShortcut = (a: AttendanceAction) => `meet.att.key.${a}` as MessageKey;

/** The letters of each action in each language; the digits 1–4 work in both. */
const LETTERS: Record<Language, Record<string, AttendanceAction>> = {
  sv: { n: "present", f: "absent", a: "excused", e: "substitute" },
  en: { p: "present", a: "absent", e: "excused", s: "substitute" },
};

export function actionForKey(key: string, lang: Language): AttendanceAction | null {
  const digit = ["1", "2", "3", "4"].indexOf(key);
  if (digit >= 0) return ACTIONS[digit];
  return LETTERS[lang][key.toLowerCase()] ?? null;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a YYYY-MM-DD date. */
export function isoWeekday(date: string): number {
  const [y, m, d] = date.split("-").map(Number);
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
}

export const weekdayKey = (date: string) => `meet.weekday.${isoWeekday(date)}` as MessageKey;

/** Whether `value` is a real date written YYYY-MM-DD within `year`. */
export function isDateIn(value: string, year: number): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return (
    y === year && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
  );
}

/** The reason a date may not be planned, if the core listed it (weekends aside). */
export function forbiddenText(date: string, days: readonly ForbiddenDay[]): string | null {
  const wd = isoWeekday(date);
  const hit = days.find((d) => d.date === date);
  if (hit) return hit.text;
  return wd >= 6 ? "weekend" : null;
}

/** What to record for an action on a row: whose attendance, which status, in whose place. */
export interface AttendanceChange {
  personId: number;
  status: AttendanceStatus;
  substituteFor: number | null;
}

/**
 * "Substitute attended" on a substitute's row marks them present for their organisation's
 * representative; on a representative's row it marks the organisation's substitute present in
 * their place. Null when the organisation has no such counterpart at this meeting.
 */
export function changeFor(
  action: AttendanceAction,
  row: AttendanceRow,
  rows: readonly AttendanceRow[],
): AttendanceChange | null {
  if (action !== "substitute") return { personId: row.person_id, status: action, substituteFor: null };
  const sameOrg = (role: string) =>
    rows.find((r) => r.organisation_id === row.organisation_id && r.role === role && r.person_id !== row.person_id);
  if (row.role === "substitute") {
    const rep = sameOrg("representative");
    return rep ? { personId: row.person_id, status: "present", substituteFor: rep.person_id } : null;
  }
  if (row.role === "representative") {
    const sub = sameOrg("substitute");
    return sub ? { personId: sub.person_id, status: "present", substituteFor: row.person_id } : null;
  }
  return null;
}
