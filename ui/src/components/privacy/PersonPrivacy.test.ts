import { describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import PersonDetailView from "../register/PersonDetailView.svelte";
import { initLanguage } from "../../lib/i18n/index.svelte";
import { memorySettings } from "../../lib/settings";
import { status } from "../../lib/status.svelte";
import { ORGS, appointment, person } from "../register/testdata";
import type { Person } from "../../lib/bindings/Person";

type Args = Record<string, unknown>;
type Call = { cmd: string; args: Args };

const BO = person(11, "Bo Berg", 1, "Falu kommun", { email: "bo@falun.se", phone: "070-123 45 67" });

function setup(opts: { active?: boolean; savePath?: string | null; refuse?: boolean; erasedBefore?: boolean } = {}) {
  const calls: Call[] = [];
  let current: Person = opts.erasedBefore ? { ...BO, name: "Borttagen person 2", email: null, phone: null } : BO;
  let erased = opts.erasedBefore ? { person_id: 11, number: 2, at: "2026-01-10T09:00:00Z", os_user: "anna" } : null;
  const appointments = [
    appointment(99, { person_id: 11, person_name: "Bo Berg", from: "2020-01-01", to: "2023-12-31", ended_on: "2023-12-31" }),
    ...(opts.active ? [appointment(100, { person_id: 11, person_name: "Bo Berg", to: null })] : []),
  ];
  mockIPC((cmd, raw) => {
    const args = (raw ?? {}) as Args;
    calls.push({ cmd, args });
    switch (cmd) {
      case "person_detail":
        return { person: current, appointments, erased };
      case "plugin:dialog|save":
        return opts.savePath === undefined ? "/tmp/utdrag.pdf" : opts.savePath;
      case "extract_person":
        return {
          made_at: "2026-11-23T10:00:00Z",
          person: current,
          appointments,
          attendance: [],
          exports: [],
          changes: [{}, {}, {}],
          erased: null,
        };
      case "erase_person":
        if (opts.refuse) throw { code: "conflict", message: "Bo Berg är redan borttagen (anonymiserad)." };
        current = { ...BO, name: "Borttagen person 4", email: null, phone: null };
        erased = { person_id: 11, number: 4, at: "2026-11-23T10:05:00Z", os_user: "anna" };
        return erased;
      default:
        return null;
    }
  });
  initLanguage(memorySettings());
  status.messages = [];
  render(PersonDetailView, {
    id: 11,
    today: "2025-06-01",
    organisations: ORGS,
    focusOnLoad: false,
    onback: () => undefined,
    onchanged: () => undefined,
    onremoved: () => undefined,
  });
  return calls;
}

const named = (calls: Call[], cmd: string) => calls.filter((c) => c.cmd === cmd);

describe("A person's register extract and erasure", () => {
  it("saves the extract as PDF where the coordinator chose and says what it holds", async () => {
    const calls = setup();
    await fireEvent.click(await screen.findByRole("button", { name: "Registerutdrag (PDF)" }));
    await waitFor(() => expect(named(calls, "extract_person")).toHaveLength(1));
    expect(named(calls, "extract_person")[0].args).toEqual({ personId: 11, path: "/tmp/utdrag.pdf", format: "pdf" });
    const dialog = named(calls, "plugin:dialog|save")[0].args as { options: { defaultPath: string; filters: unknown } };
    expect(dialog.options.defaultPath).toBe("Registerutdrag Bo Berg.pdf");
    expect(dialog.options.filters).toEqual([{ name: "PDF", extensions: ["pdf"] }]);
    await waitFor(() =>
      expect(status.messages.map((m) => m.text)).toContain(
        "Registerutdrag för Bo Berg sparat i /tmp/utdrag.pdf (uppdrag: 1, loggade ändringar: 3, exporter: 0).",
      ),
    );
  });

  it("saves JSON with format json, and writes nothing when the dialog is cancelled", async () => {
    const calls = setup({ savePath: null });
    await fireEvent.click(await screen.findByRole("button", { name: "Registerutdrag (JSON)" }));
    await waitFor(() => expect(named(calls, "plugin:dialog|save")).toHaveLength(1));
    const dialog = named(calls, "plugin:dialog|save")[0].args as { options: { defaultPath: string } };
    expect(dialog.options.defaultPath).toBe("Registerutdrag Bo Berg.json");
    expect(named(calls, "extract_person")).toHaveLength(0);
  });

  it("asks before erasing; Cancel makes no call", async () => {
    const calls = setup();
    await fireEvent.click(await screen.findByRole("button", { name: "Radera personuppgifter (anonymisera)" }));
    const dialog = screen.getByRole("dialog", { name: "Radera personuppgifterna för Bo Berg?" });
    expect(dialog).toHaveAccessibleDescription(/Borttagen person N.*Det går inte att ångra\.$/);
    expect(dialog).not.toHaveAccessibleDescription(/pågående/);
    await fireEvent.click(within(dialog).getByRole("button", { name: "Avbryt" }));
    expect(named(calls, "erase_person")).toHaveLength(0);
    expect(screen.getByTestId("person-heading")).toHaveTextContent("Bo Berg");
  });

  it("erases after Confirm and shows the anonymised person", async () => {
    const calls = setup({ active: true });
    await fireEvent.click(await screen.findByRole("button", { name: "Radera personuppgifter (anonymisera)" }));
    const dialog = screen.getByRole("dialog", { name: "Radera personuppgifterna för Bo Berg?" });
    expect(dialog).toHaveAccessibleDescription(/Bo Berg har 1 pågående eller kommande uppdrag/);
    await fireEvent.click(within(dialog).getByRole("button", { name: "Radera personuppgifterna" }));
    await waitFor(() => expect(screen.getByTestId("person-heading")).toHaveTextContent("Borttagen person 4"));
    expect(named(calls, "erase_person").map((c) => c.args)).toEqual([{ personId: 11 }]);
    expect(screen.queryByText("bo@falun.se")).toBeNull();
    expect(screen.getByTestId("privacy-erased")).toHaveTextContent("Borttagen person 4");
    expect(screen.getByRole("button", { name: "Radera personuppgifter (anonymisera)" })).toBeDisabled();
    expect(status.messages.map((m) => m.text)).toContain("Personuppgifterna är raderade. Personen heter nu Borttagen person 4.");
  });

  it("shows the core's message when the erasure is refused", async () => {
    const calls = setup({ refuse: true });
    await fireEvent.click(await screen.findByRole("button", { name: "Radera personuppgifter (anonymisera)" }));
    await fireEvent.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Radera personuppgifterna" }));
    await waitFor(() => expect(screen.getByTestId("privacy-error")).toHaveTextContent("Bo Berg är redan borttagen (anonymiserad)."));
    expect(named(calls, "erase_person")).toHaveLength(1);
    expect(screen.getByTestId("person-heading")).toHaveTextContent("Bo Berg");
  });

  it("says that a person erased earlier is erased and offers no second erasure", async () => {
    const calls = setup({ erasedBefore: true });
    const notice = await screen.findByTestId("privacy-erased");
    expect(notice).toHaveTextContent("Borttagen person 2");
    expect(screen.getByRole("button", { name: "Radera personuppgifter (anonymisera)" })).toBeDisabled();
    expect(named(calls, "erase_person")).toHaveLength(0);
  });
});
