// Formatting for personal-data rights.
import type { Erasure } from "../../lib/bindings/Erasure";

export { shortTime } from "../safety/format";

/** The name an erased person gets: the core's `erased_name` (always Swedish, as stored). */
export function erasedName(e: Erasure): string {
  return `Borttagen person ${e.number}`;
}
