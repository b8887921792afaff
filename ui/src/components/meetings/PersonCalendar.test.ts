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

/** 20,000 people in the mocked core beside the two of the tests: it answers one page of matches. */
const CROWD = Array.from({ length: 20_000 }, (_, i) => person({ id: 1000 + i, name: `Person ${i + 1}` }));

function setup() {
  const calls: Call[] = [];
  const everyone = [person({ id: 12, name: "Bo Ek" }), person({ id: 13, name: "Cecilia Dahl", protected: true }), ...CROWD];
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: a });
    switch (cmd) {
      case "people_page": {
        const q = a.query as { text: string | null };
        const page = a.page as { offset: number; limit: number };
        const hits = everyone.filter((p) => !q.text || p.name.toLowerCase().includes(q.text.toLowerCase()));
        return { total: hits.length, offset: page.offset, rows: hits.slice(page.offset, page.offset + page.limit) };
      }
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

/** Types a part of the name, as she does, and takes the first match with Enter. */
async function choose(text: string) {
  const field = screen.getByRole("combobox", { name: "Person" });
  await fireEvent.input(field, { target: { value: text } });
  const list = screen.getByRole("listbox", { hidden: true });
  await waitFor(() => expect(within(list).getAllByRole("option")[0]).toHaveTextContent(text));
  await fireEvent.keyDown(field, { key: "Enter" });
}

const exportsOf = (calls: Call[]) => calls.filter((c) => c.cmd === "export_calendar").map((c) => c.args);

describe("PersonCalendar", () => {
  it("exports the year's meetings of the chosen person, searched in the core, never listing everyone", async () => {
    const calls = setup();
    const button = screen.getByRole("button", { name: "Personens kalender (.ics)" });
    expect(button).toBeDisabled();
    expect(calls.some((c) => c.cmd === "list_people")).toBe(false);
    const field = screen.getByRole("combobox", { name: "Person" });
    await fireEvent.keyDown(field, { key: "ArrowDown" });
    const list = screen.getByRole("listbox", { hidden: true });
    // Of 20,002 people, the first 20 are in the DOM, and she is told to type more.
    await waitFor(() => expect(within(list).getAllByRole("option")).toHaveLength(20));
    expect(document.querySelectorAll("option, [role=option]").length).toBeLessThan(200);
    await fireEvent.keyDown(field, { key: "Escape" });
    await choose("Cecilia");
    expect(field).toHaveValue("Cecilia Dahl");
    expect(await screen.findByTestId("protected-opt-in")).toBeInTheDocument();
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
    await choose("Cecilia");
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
