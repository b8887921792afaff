// Formatting shared by every screen.

/** Today as YYYY-MM-DD on this computer. */
export function localToday(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Swedish order for names (å, ä, ö after z), ignoring case; numbers by value. */
export const collator = new Intl.Collator("sv", { sensitivity: "base", numeric: true });
