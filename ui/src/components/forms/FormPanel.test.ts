import { afterEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import FormPanel from "./FormPanel.svelte";
import { initLanguage } from "../../lib/i18n/index.svelte";
import { memorySettings } from "../../lib/settings";
import { statusRow } from "./testdata";

afterEach(() => {
  delete window.__samverkanTestPaths;
});

function setup(rows = [statusRow(), statusRow({ organisation_id: 12, organisation_name: "Mora kommun" })]) {
  const calls: { cmd: string; args: Record<string, unknown> }[] = [];
  let current = rows;
  mockIPC((cmd, args) => {
    calls.push({ cmd, args: args as Record<string, unknown> });
    if (cmd === "form_status") return current;
    if (cmd === "print_form") {
      current = current.map((r) =>
        r.organisation_id === 11 ? { ...r, state: "printed", printed_at: "2026-11-22T10:00:00Z", wording_version: 1 } : r,
      );
      return { organisation_id: 11, organisation_name: "Falu kommun", file: (args as { path: string }).path, pages: 2, bytes: 36000, people: 2, wording_version: 1 };
    }
    if (cmd === "form_signed") {
      current = current.map((r) => (r.organisation_id === 11 ? { ...r, state: "signed", signed_on: "2026-11-20" } : r));
      return current[0];
    }
    return null;
  });
  initLanguage(memorySettings());
  render(FormPanel, { orgId: 11, today: "2026-11-22" });
  return calls;
}

describe("FormPanel", () => {
  it("prints the coming holder's form for the day she starts, and shows where it stands", async () => {
    const coming = { from: "2027-01-01", names: ["Sara Lind"], state: "not_printed" as const, printed_at: null, signed_on: null };
    const calls = setup([statusRow({ state: "signed", coming })]);
    window.__samverkanTestPaths = { save: "/tmp/falun-2027.pdf" };
    expect(await screen.findByTestId("form-coming")).toHaveTextContent("Från 2027-01-01: Sara Lind");
    expect(screen.getByTestId("form-coming-state")).toHaveAttribute("data-state", "not_printed");
    await fireEvent.click(screen.getByTestId("print-coming-form"));
    await waitFor(() => expect(calls.some((c) => c.cmd === "print_form")).toBe(true));
    expect(calls.find((c) => c.cmd === "print_form")?.args).toMatchObject({ orgId: 11, groupId: 2, on: "2027-01-01" });
  });

  it("shows the organisation's form status per group, only for that organisation", async () => {
    setup();
    expect(await screen.findByText("Länsgruppen MVK")).toBeInTheDocument();
    expect(screen.getAllByTestId("form-state")).toHaveLength(1);
    expect(screen.getByTestId("form-state")).toHaveTextContent("Inte utskriven");
  });

  it("prints to the chosen path, then shows it printed and records the signed copy", async () => {
    const calls = setup();
    window.__samverkanTestPaths = { save: "/tmp/falun.pdf" };
    await fireEvent.click(await screen.findByTestId("print-form"));
    await waitFor(() => expect(screen.getByTestId("form-state")).toHaveAttribute("data-state", "printed"));
    const print = calls.find((c) => c.cmd === "print_form");
    expect(print?.args).toMatchObject({ orgId: 11, groupId: 2, path: "/tmp/falun.pdf" });
    expect(screen.getByText(/textversion 1/)).toBeInTheDocument();

    await fireEvent.click(screen.getByTestId("record-signed"));
    const date = screen.getByLabelText("Inkom datum") as HTMLInputElement;
    expect(date.value).toBe("2026-11-22");
    await fireEvent.input(date, { target: { value: "2026-11-20" } });
    await fireEvent.submit(screen.getByTestId("signed-form"));
    await waitFor(() => expect(screen.getByTestId("form-state")).toHaveAttribute("data-state", "signed"));
    expect(calls.find((c) => c.cmd === "form_signed")?.args).toMatchObject({ orgId: 11, groupId: 2, on: "2026-11-20", note: null });
  });

  it("shows a refusal from the core, such as a character the font cannot print", async () => {
    mockIPC((cmd) => {
      if (cmd === "form_status") return [statusRow()];
      if (cmd === "print_form") {
        throw { code: "invalid", message: "Tecknet ”漢” (U+6F22) i ersättarens namn finns inte i blankettens typsnitt." };
      }
      return null;
    });
    initLanguage(memorySettings());
    window.__samverkanTestPaths = { save: "/tmp/x.pdf" };
    render(FormPanel, { orgId: 11, today: "2026-11-22" });
    await fireEvent.click(await screen.findByTestId("print-form"));
    expect(await screen.findByTestId("form-error")).toHaveTextContent("U+6F22");
  });
});
