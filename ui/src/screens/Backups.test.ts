import { beforeEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import Backups from "./Backups.svelte";
import { initLanguage } from "../lib/i18n/index.svelte";
import { memorySettings } from "../lib/settings";
import { status } from "../lib/status.svelte";

const daily = {
  path: "/data/backups/register-20261122T081500Z-daily.sqlite3",
  file_name: "register-20261122T081500Z-daily.sqlite3",
  at: "2026-11-22T08:15:00Z",
  reason: "daily",
  size: 180224,
  sha256: "1d46c51267d2aa00000000000000000000000000000000000000000000000000",
};

function setup(calls: { cmd: string; args: unknown }[]) {
  let list = [daily];
  mockIPC((cmd, args) => {
    calls.push({ cmd, args });
    switch (cmd) {
      case "list_backups":
        return list;
      case "make_backup": {
        const out = (args as { out?: string } | undefined)?.out;
        if (out) return { ...daily, reason: "manual", path: out, file_name: "samverkan-usb.sqlite3" };
        const made = { ...daily, reason: "manual", at: "2026-11-22T09:00:00Z", path: "/data/backups/m.sqlite3", file_name: "m.sqlite3" };
        list = [made, ...list];
        return made;
      }
      case "restore_backup":
        return { restored_from: daily.path, previous_kept_as: "/data/backups/x.sqlite3", erasures_reapplied: 1 };
      case "check_register":
        return { integrity_ok: true, integrity_problems: [], foreign_key_problems: [] };
      case "register_info":
        return { path: "/data/register.sqlite3", network_name: "MVK", template: null, schema_version: 5, organisations: 30, people: 0, groups: 2, appointments: 0 };
      default:
        return null;
    }
  });
  initLanguage(memorySettings());
  render(Backups, { focusOnMount: false });
}

describe("Backups", () => {
  beforeEach(() => {
    status.messages = [];
  });

  it("lists the backups with time, reason, size and checksum", async () => {
    setup([]);
    const table = await screen.findByRole("table", { name: "Säkerhetskopior, nyast först" });
    const row = within(table).getByRole("row", { name: /2026-11-22 08:15/ });
    expect(row).toHaveTextContent("Daglig");
    expect(row).toHaveTextContent("176 kB");
    expect(row).toHaveTextContent("1d46c51267d2");
  });

  it("makes a backup and shows it", async () => {
    const calls: { cmd: string; args: unknown }[] = [];
    setup(calls);
    await screen.findByRole("table");
    await fireEvent.click(screen.getByRole("button", { name: "Gör säkerhetskopia nu" }));
    await screen.findByRole("row", { name: /Manuell/ });
    expect(calls.some((c) => c.cmd === "make_backup")).toBe(true);
    expect(status.messages.at(-1)?.text).toContain("m.sqlite3");
  });

  it("restores only after a confirmation, naming the copy's time", async () => {
    const calls: { cmd: string; args: unknown }[] = [];
    setup(calls);
    await fireEvent.click(await screen.findByRole("button", { name: "Återställ kopian från 2026-11-22 08:15" }));
    expect(calls.some((c) => c.cmd === "restore_backup")).toBe(false);
    const dialog = screen.getByRole("dialog", { hidden: true });
    expect(dialog).toHaveTextContent("sparas först som en egen säkerhetskopia");
    await fireEvent.click(within(dialog).getByRole("button", { name: "Återställ", hidden: true }));
    await waitFor(() => expect(calls.find((c) => c.cmd === "restore_backup")?.args).toEqual({ path: daily.path }));
    await waitFor(() => expect(status.messages.map((m) => m.text).join(" ")).toContain("1 borttagningar"));
  });

  it("backs up to a file chosen elsewhere, and restores from a chosen file after a confirmation", async () => {
    const calls: { cmd: string; args: unknown }[] = [];
    setup(calls);
    window.__samverkanTestPaths = { save: "/media/usb/samverkan-usb.sqlite3", open: "/media/usb/old.sqlite3" };
    try {
      await fireEvent.click(await screen.findByRole("button", { name: "Säkerhetskopiera till …" }));
      await waitFor(() =>
        expect(calls.find((c) => c.cmd === "make_backup")?.args).toEqual({ out: "/media/usb/samverkan-usb.sqlite3" }),
      );
      await waitFor(() => expect(status.messages.at(-1)?.text).toContain("/media/usb/samverkan-usb.sqlite3"));
      expect(status.messages.at(-1)?.text).toContain("personuppgifter");
      await fireEvent.click(screen.getByRole("button", { name: "Återställ från fil …" }));
      const dialog = screen.getByRole("dialog", { hidden: true });
      expect(dialog).toHaveTextContent("/media/usb/old.sqlite3");
      expect(calls.some((c) => c.cmd === "restore_backup")).toBe(false);
      await fireEvent.click(within(dialog).getByRole("button", { name: "Återställ", hidden: true }));
      await waitFor(() =>
        expect(calls.find((c) => c.cmd === "restore_backup")?.args).toEqual({ path: "/media/usb/old.sqlite3" }),
      );
    } finally {
      delete window.__samverkanTestPaths;
    }
  });

  it("reports the integrity check", async () => {
    setup([]);
    await fireEvent.click(await screen.findByRole("button", { name: "Kontrollera registret" }));
    await waitFor(() => expect(status.messages.at(-1)?.text).toBe("Registret är helt: inga fel hittades."));
  });
});
