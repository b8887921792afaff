import { describe, expect, it } from "vitest";
import { mockIPC } from "@tauri-apps/api/mocks";
import { AppError, api, invoke, toAppError } from "./api";

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

  it("treats a plain string rejection (from Tauri itself) as internal", async () => {
    mockIPC(() => {
      throw "command app_info not allowed by ACL";
    });
    await expect(invoke("app_info")).rejects.toMatchObject({
      name: "AppError",
      code: "internal",
      message: "command app_info not allowed by ACL",
    });
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

  it("wraps a thrown Error", () => {
    const err = toAppError(new TypeError("boom"));
    expect(err).toMatchObject({ code: "internal", message: "boom" });
    expect(err.cause).toBeInstanceOf(TypeError);
  });
});
