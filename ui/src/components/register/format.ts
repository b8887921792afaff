// Small helpers shared by the register screens: ids, labels, periods and statuses.
import { tick } from "svelte";
import type { MessageKey } from "../../lib/i18n/index.svelte";
import type { OrgKind } from "../../lib/bindings/OrgKind";
import type { Role } from "../../lib/bindings/Role";
import type { Field } from "../../lib/bindings/Field";
import { toAppError } from "../../lib/api";
import { collator, localToday } from "../../lib/format";
import { appointmentStatus, statusKey } from "../../lib/appointments";
export { appointmentStatus, collator, localToday, statusKey };

export const ORG_KINDS: readonly OrgKind[] = [
  "municipality",
  "region",
  "agency",
  "university",
  "non_profit",
  "other",
];

export const kindKey = (kind: OrgKind) => `reg.kind.${kind}` as MessageKey;
export const roleKey = (role: Role) => `reg.role.${role}` as MessageKey;

/** Trimmed text, or null when nothing was typed ("not known" for the core). */
export function blankToNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

/** Swedish collation, so that Å, Ä and Ö sort after Z. */
export type SortDir = "asc" | "desc";

export function compareText(a: string | null, b: string | null, dir: SortDir): number {
  const result = collator.compare(a ?? "", b ?? "");
  return dir === "asc" ? result : -result;
}

/**
 * Splits a rejected call into an error for one field of the form (when the core named a
 * field the form has) or a general message for the form's alert.
 */
export function splitError(
  err: unknown,
  fields: Partial<Record<Field, string>>,
): { field: string | null; message: string } {
  const e = toAppError(err);
  const target = e.field ? fields[e.field] : undefined;
  return { field: target ?? null, message: e.message };
}

/**
 * Shows a refusal from the core where it belongs: beside the field it names, which then gets
 * focus once the page shows the message (so a screen reader reads the two together), or in the
 * form's alert. `show` sets the form's field errors and alert.
 */
export async function showRefusal(
  err: unknown,
  fields: Partial<Record<Field, string>>,
  idPrefix: string,
  show: (errors: Record<string, string>, general: string | null) => void,
): Promise<void> {
  const { field, message } = splitError(err, fields);
  show(field ? { [field]: message } : {}, field ? null : message);
  await tick();
  if (field) focusById(`${idPrefix}-${field}`);
}

/** Moves focus to an element by id once the DOM shows it. */
export function focusById(id: string): void {
  const el = document.getElementById(id);
  if (el instanceof HTMLElement) el.focus();
}
