import { afterEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import BatchPrint from "./BatchPrint.svelte";
import { initLanguage } from "../../lib/i18n/index.svelte";
import { memorySettings } from "../../lib/settings";

afterEach(() => {
  delete window.__samverkanTestPaths;
});

describe("BatchPrint", () => {
  it("prints into the chosen folder with a combined file, protected people left out by default, and can be cancelled", async () => {
    const calls: { cmd: string; args: Record<string, unknown> }[] = [];
    let finish: (v: unknown) => void = () => {};
    mockIPC((cmd, args) => {
      calls.push({ cmd, args: args as Record<string, unknown> });
      if (cmd === "print_forms") return new Promise((resolve) => (finish = resolve));
      return null;
    });
    initLanguage(memorySettings());
    window.__samverkanTestPaths = { dir: "/tmp/forms" };
    let done = 0;
    render(BatchPrint, { groupId: 2, groupName: "Länsgruppen MVK", ondone: () => done++ });

    await fireEvent.click(screen.getByTestId("batch-start"));
    await waitFor(() => expect(calls.some((c) => c.cmd === "print_forms")).toBe(true));
    const args = calls.find((c) => c.cmd === "print_forms")?.args;
    expect(args).toMatchObject({
      groupId: 2,
      dir: "/tmp/forms",
      combined: "/tmp/forms/Alla uppdragsblanketter Länsgruppen MVK.pdf",
      includeProtected: false,
    });
    expect(screen.getByTestId("batch-progress")).toBeInTheDocument();

    await fireEvent.click(screen.getByTestId("batch-cancel"));
    expect(calls.some((c) => c.cmd === "cancel_print_forms")).toBe(true);
    finish({ forms: [], combined: null, cancelled: true, total: 30 });
    await waitFor(() => expect(done).toBe(1));
    expect(screen.queryByTestId("batch-cancel")).not.toBeInTheDocument();
  });

  it("passes the coordinator's choice to include protected people", async () => {
    const calls: { cmd: string; args: Record<string, unknown> }[] = [];
    mockIPC((cmd, args) => {
      calls.push({ cmd, args: args as Record<string, unknown> });
      if (cmd === "print_forms") return { forms: [], combined: "/tmp/f/x.pdf", cancelled: false, total: 0 };
      return null;
    });
    initLanguage(memorySettings());
    window.__samverkanTestPaths = { dir: "/tmp/f" };
    render(BatchPrint, { groupId: 2, groupName: "G", ondone: () => {} });
    await fireEvent.click(screen.getByTestId("batch-protected"));
    await fireEvent.click(screen.getByTestId("batch-start"));
    await waitFor(() => expect(calls.find((c) => c.cmd === "print_forms")?.args).toMatchObject({ includeProtected: true }));
  });
});
