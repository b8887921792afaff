import { describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import PersonCalendar from "./PersonCalendar.svelte";
import { initLanguage } from "../../lib/i18n/index.svelte";
import { memorySettings } from "../../lib/settings";
import { status } from "../../lib/status.svelte";
import { person } from "../network/testdata";

type Call = { cmd: string; args: Record<string, unknown> };

const REFUSED = {
  code: "conflict",
  message: "Cecilia Dahl har skyddade personuppgifter. Ta med personen uttryckligen för just denna export om det behövs.",
};

function setup() {
  const calls: Call[] = [];
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: a });
    switch (cmd) {
      case "list_people":
        return [person({ id: 13, name: "Cecilia Dahl", protected: true }), person({ id: 12, name: "Bo Ek" })];
      case "plugin:dialog|save":
        return "/tmp/kalender.ics";
      case "export_calendar": {
        const q = a.query as { person_id: number; include_protected: boolean };
        if (q.person_id === 13 && !q.include_protected) throw REFUSED;
        return { file: "/tmp/kalender.ics", items: 4, people: 1, protected_left_out: 0, export_id: 7 };
      }
      default:
        return null;
    }
  });
  initLanguage(memorySettings());
  status.messages = [];
  render(PersonCalendar, { year: 2027 });
  return calls;
}

async function choose(name: string) {
  const select = await screen.findByRole("combobox", { name: "Person" });
  const option = await screen.findByRole<HTMLOptionElement>("option", { name: new RegExp(`^${name}`) });
  await fireEvent.change(select, { target: { value: option.value } });
}

const exportsOf = (calls: Call[]) => calls.filter((c) => c.cmd === "export_calendar").map((c) => c.args);

describe("PersonCalendar", () => {
  it("exports the year's meetings of the chosen person", async () => {
    const calls = setup();
    await screen.findByRole("combobox", { name: "Person" });
    const button = screen.getByRole("button", { name: "Personens kalender (.ics)" });
    expect(button).toBeDisabled();
    const select = screen.getByRole("combobox", { name: "Person" });
    await fireEvent.input(screen.getByRole("searchbox", { name: "Sök namn eller organisation" }), { target: { value: "dahl" } });
    expect(within(select).getAllByRole("option").map((o) => o.textContent?.trim())).toEqual([
      "Välj en person",
      "Cecilia Dahl (Falu kommun) – Skyddad",
    ]);
    expect(screen.getByText("1 av 2 personer visas i listan.")).toBeInTheDocument();
    await fireEvent.input(screen.getByRole("searchbox", { name: "Sök namn eller organisation" }), { target: { value: "" } });
    await choose("Bo Ek");
    expect(screen.queryByTestId("protected-opt-in")).toBeNull();
    await fireEvent.click(button);
    await waitFor(() => expect(exportsOf(calls)).toHaveLength(1));
    expect(exportsOf(calls)[0]).toEqual({
      query: { group_id: null, year: 2027, person_id: 12, include_protected: false },
      path: "/tmp/kalender.ics",
    });
    const dialog = calls.find((c) => c.cmd === "plugin:dialog|save")?.args as { options: { defaultPath: string; filters: unknown } };
    expect(dialog.options.defaultPath).toBe("Möten Bo Ek 2027.ics");
    expect(dialog.options.filters).toEqual([{ name: "Kalenderfil", extensions: ["ics"] }]);
    await waitFor(() => expect(status.messages.some((m) => m.text === "4 möten sparade i /tmp/kalender.ics.")).toBe(true));
  });

  it("makes a protected person's calendar only when ticked, for that one file, and shows the core's refusal otherwise", async () => {
    const calls = setup();
    await choose("Cecilia Dahl");
    const optIn = await screen.findByTestId("protected-opt-in");
    expect(optIn).toHaveTextContent("Cecilia Dahl har skyddade personuppgifter. Kalendern görs bara om du kryssar i rutan");
    const box = within(optIn).getByRole("checkbox", { name: "Ta med Cecilia Dahl i denna export" });
    await fireEvent.click(box);
    await fireEvent.click(screen.getByRole("button", { name: "Personens kalender (.ics)" }));
    await waitFor(() => expect(exportsOf(calls)).toHaveLength(1));
    expect(exportsOf(calls)[0]).toMatchObject({ query: { person_id: 13, include_protected: true } });
    await waitFor(() => expect(box).not.toBeChecked());

    await fireEvent.click(screen.getByRole("button", { name: "Personens kalender (.ics)" }));
    await waitFor(() => expect(exportsOf(calls)).toHaveLength(2));
    expect(exportsOf(calls)[1]).toMatchObject({ query: { person_id: 13, include_protected: false } });
    expect(await screen.findByRole("alert")).toHaveTextContent(REFUSED.message);
  });
});
