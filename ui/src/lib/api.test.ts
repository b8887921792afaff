import { describe, expect, it, vi } from "vitest";
import { mockIPC } from "@tauri-apps/api/mocks";
import { AppError, ERROR_CODES, api, invoke, toAppError } from "./api";
import { initLanguage, setLanguage } from "./i18n/index.svelte";
import { memorySettings } from "./settings";
import { sv } from "./i18n/sv";

// What the framework, a plugin or a programming slip may reject with: never shown as is.
const RAW = [
  "command app_info not allowed by ACL",
  "Not allowed to open path /home/anna/Skrivbord/blankett.pdf",
  "invalid args `request` for command `appoint`: “2026-1-1” is not a date YYYY-MM-DD",
];
const quiet = () => vi.spyOn(console, "error").mockImplementation(() => undefined);

describe("invoke", () => {
  it("returns the command's result", async () => {
    mockIPC((cmd) => {
      if (cmd === "app_info") return { name: "Samverkan", version: "0.1.0" };
      throw new Error(`unexpected command ${cmd}`);
    });
    await expect(api.appInfo()).resolves.toEqual({ name: "Samverkan", version: "0.1.0" });
  });

  it("turns the backend's {code, message} into an AppError with that code", async () => {
    mockIPC(() => {
      throw { code: "not_found", message: "Organisationen finns inte." };
    });
    const err = await invoke("app_info").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: "not_found", message: "Organisationen finns inte." });
  });

  it("keeps every known code", async () => {
    for (const code of ["conflict", "invalid", "in_use", "not_a_register", "internal"] as const) {
      mockIPC(() => {
        throw { code, message: "x" };
      });
      await expect(invoke("app_info")).rejects.toMatchObject({ code });
    }
  });

  it("keeps the field a form error is about", async () => {
    mockIPC(() => {
      throw { code: "invalid", message: "Ogiltigt värde för e-post.", field: "email" };
    });
    await expect(invoke("app_info")).rejects.toMatchObject({ code: "invalid", field: "email" });
  });

  it("treats a plain string rejection (from Tauri itself) as internal, in the user's language", async () => {
    initLanguage(memorySettings());
    const spy = quiet();
    for (const raw of RAW) {
      mockIPC(() => {
        throw raw;
      });
      const err = (await invoke("app_info").catch((e: unknown) => e)) as AppError;
      expect(err).toMatchObject({ name: "AppError", code: "internal" });
      expect(err.message).toBe(sv["error.internal"]);
      expect(err.message).not.toContain(raw.slice(0, 12));
    }
    spy.mockRestore();
  });
});

describe("toAppError", () => {
  it("maps an unknown code to internal but keeps the message", () => {
    const err = toAppError({ code: "martian", message: "Något hände." });
    expect(err.code).toBe("internal");
    expect(err.message).toBe("Något hände.");
  });

  it("passes an AppError through unchanged", () => {
    const original = new AppError("conflict", "Redan representerad.");
    expect(toAppError(original)).toBe(original);
  });

  it("wraps a thrown Error with a message in the user's language, Swedish or English", () => {
    initLanguage(memorySettings());
    const spy = quiet();
    const err = toAppError(new TypeError("boom"));
    expect(err).toMatchObject({ code: "internal", message: sv["error.internal"] });
    expect(err.cause).toBeInstanceOf(TypeError);
    setLanguage("en", memorySettings());
    expect(toAppError(RAW[1]).message).toMatch(/^Something unexpected went wrong/);
    setLanguage("sv", memorySettings());
    spy.mockRestore();
  });

  it("knows every code the core sends", () => {
    // ERROR_CODES is checked against the generated ErrorCode type at compile time; each code's
    // message comes from the core in both languages (src/error/messages.rs, exhaustive).
    for (const code of ERROR_CODES) {
      expect(toAppError({ code, message: "Meddelande." }).code).toBe(code);
    }
  });
});
