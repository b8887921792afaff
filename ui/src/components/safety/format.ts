// Formatting of the Backups screen and the rescue page (the Log screen shows lines the core
// renders).
import type { BackupReason } from "../../lib/bindings/BackupReason";
import { t, type MessageKey } from "../../lib/i18n/index.svelte";

/** "2026-11-22T08:15:00Z" → "2026-11-22 08:15" (UTC, as stored). */
export function shortTime(at: string): string {
  return at.replace("T", " ").replace(/:\d\dZ$/, "");
}

export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1048576).toFixed(1)} MB`;
  return `${Math.max(1, Math.ceil(bytes / 1024))} kB`;
}

export function reasonText(reason: BackupReason): string {
  return t(`safety.reason.${reason}` as MessageKey);
}
