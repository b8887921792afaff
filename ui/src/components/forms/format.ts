// Shared helpers of the mandate-form components.
import type { FormState } from "../../lib/bindings/FormState";
import type { MessageKey } from "../../lib/i18n/index.svelte";

export const stateKey = (s: FormState) => `forms.state.${s}` as MessageKey;

/** "2026-11-22T10:00:00Z" → "2026-11-22" (the day, as the forms print it). */
export const dayOf = (rfc3339: string | null): string => (rfc3339 ?? "").slice(0, 10);

/** Whether the organisation has a signed form that still names who holds the seats. */
export const isDone = (s: FormState) => s === "signed";
