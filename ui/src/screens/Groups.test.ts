import { describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import Groups from "./Groups.svelte";
import { initLanguage, setLanguage } from "../lib/i18n/index.svelte";
import { router } from "../lib/router.svelte";
import { memorySettings } from "../lib/settings";
import { appointment, county, steering } from "../components/network/testdata";

function setup(handler: (cmd: string, args: Record<string, unknown>) => unknown = () => null) {
  const calls: { cmd: string; args: Record<string, unknown> }[] = [];
  mockIPC((cmd, args) => {
    calls.push({ cmd, args: args as Record<string, unknown> });
    const answer = handler(cmd, args as Record<string, unknown>);
    if (answer !== null) return answer;
    if (cmd === "list_groups") {
      return [
        { group: steering, seats: 5, serving: 0 },
        { group: county, seats: 29, serving: 1 },
      ];
    }
    if (cmd === "today") return "2026-06-01";
    return null;
  });
  initLanguage(memorySettings());
  return calls;
}

describe("Groups list", () => {
  it("lists the groups with kind, meetings, the rule and counts, linking to each", async () => {
    router.param = null;
    setup();
    render(Groups, { focusOnMount: false });
    const table = await screen.findByRole("table", { name: "Nätverkets grupper" });
    const row = within(table).getByRole("row", { name: /Länsgruppen MVK/ });
    expect(row).toHaveTextContent("Länsgrupp");
    expect(row).toHaveTextContent("4");
    expect(row).toHaveTextContent("Ja");
    expect(within(row).getByRole("link", { name: "Länsgruppen MVK" })).toHaveAttribute("href", "#/groups/2");
    expect(within(table).getByRole("row", { name: /Styrgrupp MVK/ })).toHaveTextContent("Nej");
  });

  it("shows the core's message when a group with appointments cannot be removed", async () => {
    router.param = null;
    const message = "Länsgruppen MVK kan inte tas bort: gruppen har 3 uppdrag i registret.";
    setup((cmd) => {
      if (cmd === "remove_group") throw { code: "in_use", message };
      return null;
    });
    render(Groups, { focusOnMount: false });
    await fireEvent.click(await screen.findByRole("button", { name: "Ta bort Länsgruppen MVK" }));
    await fireEvent.click(screen.getByRole("button", { name: "Ta bort" }));
    const alert = await screen.findByTestId("group-remove-error");
    expect(alert).toHaveTextContent(message);
  });

  it("is in English after a language switch", async () => {
    router.param = null;
    setup();
    setLanguage("en", memorySettings());
    render(Groups, { focusOnMount: false });
    expect(await screen.findByRole("table", { name: "The network's groups" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "New group" })).toBeInTheDocument();
    expect(screen.getByText("County group")).toBeInTheDocument();
  });
});

describe("Group detail", () => {
  it("shows the member table with periods, badges and a history including ended terms", async () => {
    router.param = "2";
    const calls = setup((cmd) => {
      if (cmd === "group_detail") {
        const rep = appointment({ to: "2026-03-31", person_protected: true });
        const old = appointment({ id: 3, person_name: "Erik Ros", from: "2023-01-01", ended_on: "2024-12-31" });
        return {
          group: county,
          rows: [
            { organisation_id: 5, organisation_name: "Falu kommun", seated: true, representative: rep, substitute: null, others: [] },
          ],
          history: [old, rep],
        };
      }
      if (cmd === "end_appointment") return appointment({ ended_on: "2026-06-01" });
      return null;
    });
    render(Groups, { focusOnMount: false });
    const table = await screen.findByRole("table", { name: /Organisationer i Länsgruppen MVK/ });
    expect(calls.find((c) => c.cmd === "group_detail")?.args).toEqual({ id: 2 });
    const row = within(table).getByRole("row", { name: /Falu kommun/ });
    expect(row).toHaveTextContent("Anna Berg");
    expect(row).toHaveTextContent("Skyddad");
    expect(row).toHaveTextContent("2025-01-01 – 2026-03-31");
    expect(row).toHaveTextContent("mandattiden har gått ut");
    expect(row).toHaveTextContent("Saknas");
    expect(within(row).getByRole("button", { name: "Utse ersättare för Falu kommun" })).toBeInTheDocument();
    expect(within(row).getByRole("button", { name: "Avsluta Anna Berg som representant för Falu kommun" }))
      .toBeInTheDocument();

    const history = screen.getByRole("table", { name: /Alla uppdrag i Länsgruppen MVK/ });
    expect(within(history).getByRole("row", { name: /Erik Ros/ })).toHaveTextContent("Avslutat 2024-12-31");

    // Ending asks first, with the last day, and refreshes afterwards.
    await fireEvent.click(within(row).getByRole("button", { name: /^Avsluta Anna Berg/ }));
    expect(await screen.findByRole("heading", { name: "Avsluta uppdraget?" })).toBeInTheDocument();
    expect(screen.getByLabelText("Sista dag i uppdraget")).toHaveValue("2026-06-01");
    await fireEvent.click(screen.getByRole("button", { name: "Avsluta uppdraget" }));
    await waitFor(() => expect(calls.some((c) => c.cmd === "end_appointment")).toBe(true));
    expect(calls.find((c) => c.cmd === "end_appointment")?.args).toEqual({ id: 7, lastDay: "2026-06-01" });
    await waitFor(() => expect(calls.filter((c) => c.cmd === "group_detail")).toHaveLength(2));
    router.param = null;
  });

  it("prints every mandate form of a one-per-organisation group from its page, not of other groups", async () => {
    router.param = "2";
    window.__samverkanTestPaths = { dir: "/tmp/forms" };
    const detail = (group: typeof county) => ({ group, rows: [], history: [] });
    const calls = setup((cmd, args) => {
      if (cmd === "group_detail") return detail(args.id === 2 ? county : steering);
      if (cmd === "print_forms") return { forms: [], combined: null, cancelled: false, total: 29 };
      return null;
    });
    render(Groups, { focusOnMount: false });
    const panel = await screen.findByTestId("batch-print");
    expect(within(panel).getByRole("heading", { name: "Skriv ut gruppens alla uppdragsblanketter" })).toBeInTheDocument();
    await fireEvent.click(within(panel).getByTestId("batch-start"));
    await waitFor(() => expect(calls.find((c) => c.cmd === "print_forms")?.args).toMatchObject({ groupId: 2, dir: "/tmp/forms" }));
    delete window.__samverkanTestPaths;
    router.param = null;
  });

  it("offers no mandate forms on a group without the one-per-organisation rule", async () => {
    router.param = "1";
    setup((cmd) => (cmd === "group_detail" ? { group: steering, rows: [], history: [] } : null));
    render(Groups, { focusOnMount: false });
    await screen.findByRole("heading", { name: "Styrgrupp MVK" });
    expect(screen.queryByTestId("batch-print")).not.toBeInTheDocument();
    router.param = null;
  });
});
