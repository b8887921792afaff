import { describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import Retention from "./Retention.svelte";
import { initLanguage } from "../lib/i18n/index.svelte";
import { memorySettings } from "../lib/settings";
import { status } from "../lib/status.svelte";
import type { RetentionCandidate } from "../lib/bindings/RetentionCandidate";

type Args = Record<string, unknown>;
type Call = { cmd: string; args: Args };

const ALL: RetentionCandidate[] = [
  { person_id: 3, name: "Greta Gammal", organisation_name: "Falu kommun", last_served: "2019-06-30" },
  { person_id: 5, name: "Olle Äldre", organisation_name: "Region Dalarna", last_served: "2021-12-31" },
  { person_id: 8, name: "Stina Förr", organisation_name: "Mora kommun", last_served: "2023-01-15" },
];

function setup(opts: { refuse?: boolean; months?: number } = {}) {
  const calls: Call[] = [];
  let erased: number[] = [];
  let saved = opts.months ?? 24;
  mockIPC((cmd, raw) => {
    const args = (raw ?? {}) as Args;
    calls.push({ cmd, args });
    switch (cmd) {
      case "retention_months":
        return saved;
      case "set_retention_months":
        saved = args.months as number;
        return saved;
      case "retention_list": {
        // Fewer months: more people; the fixture treats 36 months as "before 2022".
        const list = args.months === 36 ? ALL.filter((c) => c.last_served < "2022-01-01") : ALL;
        return list.filter((c) => !erased.includes(c.person_id));
      }
      case "erase_people": {
        if (opts.refuse) throw { code: "conflict", message: "Olle Äldre är redan borttagen (anonymiserad)." };
        const ids = args.personIds as number[];
        erased = [...erased, ...ids];
        return ids.map((id, i) => ({ person_id: id, number: i + 1, at: "2026-11-23T10:00:00Z", os_user: "anna" }));
      }
      default:
        return null;
    }
  });
  initLanguage(memorySettings());
  status.messages = [];
  render(Retention, { focusOnMount: false });
  return { calls, saved: () => saved };
}

const named = (calls: Call[], cmd: string) => calls.filter((c) => c.cmd === cmd);
const rowNames = () =>
  screen.getAllByRole("row").slice(1).map((r) => within(r).getAllByRole("cell")[1].textContent);

describe("Retention", () => {
  it("lists people whose last appointment ended more than 24 months ago by default", async () => {
    const { calls } = setup();
    const table = await screen.findByRole("table", {
      name: "Personer vars senaste uppdrag avslutades för mer än 24 månader sedan",
    });
    expect(named(calls, "retention_list")[0].args).toEqual({ months: 24 });
    const row = within(table).getByRole("row", { name: /Greta Gammal/ });
    expect(row).toHaveTextContent("Falu kommun");
    expect(row).toHaveTextContent("2019-06-30");
    expect(within(row).getByRole("link", { name: "Greta Gammal" })).toHaveAttribute("href", "#/people/3");
    expect(screen.getByRole("button", { name: "Anonymisera markerade" })).toBeDisabled();
  });

  it("starts from the register's setting, saves a new number of months there and lists again", async () => {
    const { calls, saved } = setup({ months: 36 });
    await screen.findByRole("table");
    expect(screen.getByRole("spinbutton", { name: "Månader sedan senaste uppdraget avslutades" })).toHaveValue(36);
    expect(named(calls, "retention_list")[0].args).toEqual({ months: 36 });
    expect(named(calls, "set_retention_months")).toHaveLength(0);
    expect(rowNames()).toEqual(["Greta Gammal", "Olle Äldre"]);
    await fireEvent.input(screen.getByRole("spinbutton"), { target: { value: "12" } });
    await waitFor(() => expect(named(calls, "retention_list").at(-1)?.args).toEqual({ months: 12 }));
    expect(named(calls, "set_retention_months").at(-1)?.args).toEqual({ months: 12 });
    expect(saved()).toBe(12);
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    await fireEvent.input(screen.getByRole("spinbutton"), { target: { value: "-1" } });
    expect(screen.getByText("Ange ett helt antal månader, 0–1200.")).toBeInTheDocument();
    expect(named(calls, "retention_list").at(-1)?.args).toEqual({ months: 12 });
    expect(saved()).toBe(12);
  });

  it("anonymises exactly the ticked people after a confirmation naming how many", async () => {
    const { calls } = setup();
    await screen.findByRole("table");
    await fireEvent.click(screen.getByRole("checkbox", { name: "Markera Stina Förr" }));
    await fireEvent.click(screen.getByRole("checkbox", { name: "Markera Greta Gammal" }));
    expect(screen.getByTestId("retention-count")).toHaveTextContent("Antal personer: 3 · markerade: 2");
    await fireEvent.click(screen.getByRole("button", { name: "Anonymisera markerade" }));
    const dialog = screen.getByRole("dialog", { name: "Anonymisera de markerade personerna (2 st)?" });
    await fireEvent.click(within(dialog).getByRole("button", { name: "Avbryt" }));
    expect(named(calls, "erase_people")).toHaveLength(0);
    await fireEvent.click(screen.getByRole("button", { name: "Anonymisera markerade" }));
    await fireEvent.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Anonymisera (2 st)" }));
    await waitFor(() => expect(named(calls, "erase_people")).toHaveLength(1));
    // In the list's order, only the ticked ones.
    expect(named(calls, "erase_people")[0].args).toEqual({ personIds: [3, 8] });
    await waitFor(() => expect(rowNames()).toEqual(["Olle Äldre"]));
    expect(status.messages.map((m) => m.text)).toContain("Anonymiseringen är klar (2 st).");
    expect(screen.getByTestId("retention-count")).toHaveTextContent("Antal personer: 1 · markerade: 0");
  });

  it("selects all with one checkbox, and shows the core's message when refused", async () => {
    const { calls } = setup({ refuse: true });
    await screen.findByRole("table");
    const all = screen.getByRole("checkbox", { name: "Markera alla" });
    await fireEvent.click(all);
    expect(screen.getByRole("checkbox", { name: "Markera Olle Äldre" })).toBeChecked();
    await fireEvent.click(screen.getByRole("button", { name: "Anonymisera markerade" }));
    await fireEvent.click(within(screen.getByRole("dialog", { name: "Anonymisera de markerade personerna (3 st)?" })).getByRole("button", { name: "Anonymisera (3 st)" }));
    await waitFor(() => expect(screen.getByTestId("retention-error")).toHaveTextContent("Olle Äldre är redan borttagen (anonymiserad)."));
    expect(named(calls, "erase_people")[0].args).toEqual({ personIds: [3, 5, 8] });
    expect(rowNames()).toHaveLength(3);
    await fireEvent.click(all);
    expect(screen.getByTestId("retention-count")).toHaveTextContent("markerade: 0");
  });
});
