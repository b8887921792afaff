// Translations: `t(key, params)` in the current language, switchable at run time.
//
// Reading `t(...)` in a component's markup subscribes it to the language, so a switch
// re-renders every visible string. The choice is saved through the settings backend and
// mirrored on <html lang> for screen readers and hyphenation.

import { sv, type MessageKey } from "./sv";
import { en } from "./en";
import { localSettings, type SettingsBackend } from "../settings";
import { invoke } from "../api";

export type { MessageKey };

export const LANGUAGES = ["sv", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "sv";
export const LANGUAGE_SETTING = "samverkan.language";

export const dictionaries: Record<Language, Record<MessageKey, string>> = { sv, en };

export type Params = Record<string, string | number>;

const state = $state<{ lang: Language }>({ lang: DEFAULT_LANGUAGE });

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** Fills `{name}` placeholders; a placeholder without a value stays visible as it is. */
export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** The text for `key` in the current language. */
export function t(key: MessageKey, params?: Params): string {
  const text = dictionaries[state.lang][key] ?? dictionaries[DEFAULT_LANGUAGE][key] ?? key;
  return interpolate(text, params);
}

/** The current language (reactive). */
export function language(): Language {
  return state.lang;
}

function applyToDocument(lang: Language): void {
  if (typeof document !== "undefined") document.documentElement.lang = lang;
  // The core writes its messages (refusals, validation) in the same language. Outside the app
  // (unit tests without IPC) there is no backend to tell, and nothing to do.
  invoke("set_language", { lang }).catch(() => undefined);
}

/** Switches the language everywhere and saves the choice. */
export function setLanguage(lang: Language, settings: SettingsBackend = localSettings): void {
  state.lang = lang;
  applyToDocument(lang);
  settings.set(LANGUAGE_SETTING, lang);
}

/** Reads the saved language (Swedish when there is none) and applies it. */
export function initLanguage(settings: SettingsBackend = localSettings): Language {
  const saved = settings.get(LANGUAGE_SETTING);
  state.lang = isLanguage(saved) ? saved : DEFAULT_LANGUAGE;
  applyToDocument(state.lang);
  return state.lang;
}
