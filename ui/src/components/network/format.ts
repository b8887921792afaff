// Small helpers of the Overview, Groups and Coverage screens: ids, labels, dates, errors.
import { toAppError } from "../../lib/api";
import type { GroupKind } from "../../lib/bindings/GroupKind";
import type { Role } from "../../lib/bindings/Role";
import type { MessageKey } from "../../lib/i18n/index.svelte";
import { collator, localToday } from "../../lib/format";
export { collator, localToday };

export const GROUP_KINDS: readonly GroupKind[] = ["steering", "county", "working", "local"];
export const ROLES: readonly Role[] = ["representative", "substitute", "member", "chair", "convener"];
export const SEAT_ROLES: readonly Role[] = ["representative", "substitute"];

export const groupKindKey = (kind: GroupKind) => `net.groupKind.${kind}` as MessageKey;
export const roleKey = (role: Role) => `net.role.${role}` as MessageKey;
export const isSeatRole = (role: Role) => role === "representative" || role === "substitute";

export function isDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
}

/** The message of a failed call, for showing as is. */
export function messageOf(err: unknown): string {
  return toAppError(err).message;
}

/** Swedish collation, so that Å, Ä and Ö sort after Z. */
/** The organisation a link to a group detail should point at: `#/groups/3?org=12`. */
export function groupHref(groupId: number, orgId?: number | null): string {
  const base = `#/groups/${groupId}`;
  return orgId === undefined || orgId === null ? base : `${base}?org=${orgId}`;
}

/** The `org` of a `#/groups/3?org=12` hash, or null. */
export function orgFromHash(hash: string): number | null {
  const query = hash.split("?")[1];
  if (!query) return null;
  const value = new URLSearchParams(query).get("org");
  const n = value === null ? NaN : Number(value);
  return Number.isInteger(n) && n > 0 ? n : null;
}
