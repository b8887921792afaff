import type { FormStatusRow } from "../../lib/bindings/FormStatusRow";
import type { GroupSummary } from "../../lib/bindings/GroupSummary";
import { county, steering } from "../network/testdata";

/** A working group with the one-per-organisation rule, besides the county group. */
export const working = { ...county, id: 3, name: "Arbetsgrupp Barn", kind: "working" as const };

/** `list_groups`: the steering group (no seats), the county group and the working group. */
export const GROUPS: GroupSummary[] = [
  { group: steering, seats: 0, seat_count: 0, vacant: 0, serving: 3 },
  { group: county, seats: 29, seat_count: 58, vacant: 18, serving: 40 },
  { group: working, seats: 2, seat_count: 4, vacant: 2, serving: 2 },
];

export function statusRow(over: Partial<FormStatusRow> = {}): FormStatusRow {
  return {
    group_id: 2,
    group_name: "Länsgruppen MVK",
    organisation_id: 11,
    organisation_name: "Falu kommun",
    state: "not_printed",
    printed_at: null,
    wording_version: null,
    signed_on: null,
    note: null,
    coming: null,
    ...over,
  };
}
