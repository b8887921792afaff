// Choosing one of many: what a `SearchSelect` lists, and the searches that fill it from the
// core, so no dialog fetches every organisation to fill a <select>.

import { invoke } from "./api";
import type { Person } from "./bindings/Person";
import { t, type MessageKey } from "./i18n/index.svelte";

/** One thing to choose: its id, its name, and a word beside the name (say its kind). */
export type Choice = { id: number; name: string; detail?: string };

/**
 * The first `limit` organisations whose name or short name holds `text` (all when it is
 * empty), by name: the core's search (`org_page`, the trigram index), one page.
 */
export async function searchOrgs(text: string, limit: number): Promise<Choice[]> {
  const page = await invoke("org_page", {
    query: { text: text.trim() || null },
    sort: "name",
    descending: false,
    page: { offset: 0, limit },
  });
  return (page?.rows ?? []).map((o) => ({ id: o.id, name: o.name, detail: t(`reg.kind.${o.kind}` as MessageKey) }));
}

/** A person as a choice: the name, the organisation and (when so) "protected" beside it. */
export function personChoice(p: Person): Choice {
  const detail = p.protected ? `${p.organisation_name} – ${t("net.protected")}` : p.organisation_name;
  return { id: p.id, name: p.name, detail };
}

/**
 * The first `limit` people whose name holds `text` (all when it is empty), by name: the core's
 * search (`people_page`, the trigram index), one page, with the rows themselves.
 */
export async function searchPeople(text: string, limit: number): Promise<Person[]> {
  const page = await invoke("people_page", {
    query: { text: text.trim() || null },
    sort: "name",
    descending: false,
    page: { offset: 0, limit },
  });
  return page?.rows ?? [];
}
