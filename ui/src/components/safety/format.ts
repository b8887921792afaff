// Formatting shared by the Backups and Log screens.
import type { BackupReason } from "../../lib/bindings/BackupReason";
import type { LogEntry } from "../../lib/bindings/LogEntry";
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

type Values = Record<string, unknown>;

function parse(json: string | null): Values | null {
  if (!json) return null;
  try {
    const v: unknown = JSON.parse(json);
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Values) : null;
  } catch {
    return null;
  }
}

function show(v: unknown): string {
  if (v === null || v === undefined || v === "") return "–";
  return String(v);
}

/**
 * What a log entry changed, for people: for an update the fields that differ
 * ("email: a@x.se → b@x.se"), for an insert or delete the values that are set, for an
 * export its description and file.
 */
export function changeText(e: LogEntry): string {
  if (e.redacted) return t("safety.log.redacted");
  if (e.entity === "export") {
    const where = e.file ? t("safety.log.exported", { people: e.people ?? 0, file: e.file }) : "";
    return [e.new ?? "", where].filter(Boolean).join(": ");
  }
  const before = parse(e.old);
  const after = parse(e.new);
  if (before && after) {
    return Object.keys(after)
      .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
      .map((k) => `${k}: ${show(before[k])} → ${show(after[k])}`)
      .join("; ");
  }
  const values = after ?? before ?? {};
  return Object.entries(values)
    .filter(([, v]) => v !== null && v !== "")
    .map(([k, v]) => `${k}: ${show(v)}`)
    .join("; ");
}

export function actionText(e: LogEntry): string {
  if (e.entity === "export") return t("safety.log.action.export");
  return t(`safety.log.action.${e.action}` as MessageKey);
}
