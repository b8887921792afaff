import type { FormStatusRow } from "../../lib/bindings/FormStatusRow";

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
    ...over,
  };
}
