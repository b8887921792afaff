// Where the UI keeps its own settings (for now only the language).
//
// The backend is an interface so that the settings can move into the register's database
// later without touching the callers; today they live in the web view's localStorage.

export interface SettingsBackend {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

/** localStorage, or nothing when the web view has none (it never throws). */
export const localSettings: SettingsBackend = {
  get(key) {
    try {
      return globalThis.localStorage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  },
  set(key, value) {
    try {
      globalThis.localStorage?.setItem(key, value);
    } catch {
      // A settings write that fails only costs the choice at the next start.
    }
  },
};

/** An in-memory backend, for tests. */
export function memorySettings(initial: Record<string, string> = {}): SettingsBackend {
  const values = new Map(Object.entries(initial));
  return {
    get: (key) => values.get(key) ?? null,
    set: (key, value) => void values.set(key, value),
  };
}
