// Short status messages ("Saved", "Could not open the file") shown in an aria-live region.

export type StatusKind = "info" | "success" | "error";

export interface StatusMessage {
  id: number;
  kind: StatusKind;
  text: string;
}

export const status = $state<{ messages: StatusMessage[] }>({ messages: [] });

let nextId = 1;

/** Shows a message; info and success leave by themselves, errors stay until dismissed. */
export function notify(text: string, kind: StatusKind = "info", timeoutMs = 5000): number {
  const id = nextId++;
  status.messages.push({ id, kind, text });
  if (kind !== "error" && timeoutMs > 0) setTimeout(() => dismiss(id), timeoutMs);
  return id;
}

export function dismiss(id: number): void {
  status.messages = status.messages.filter((m) => m.id !== id);
}
