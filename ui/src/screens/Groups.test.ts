import { describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import Groups from "./Groups.svelte";
import { initLanguage, setLanguage } from "../lib/i18n/index.svelte";
import { router } from "../lib/router.svelte";
import { memorySettings } from "../lib/settings";
import { appointment, county, seat, seatView, steering } from "../components/network/testdata";

function setup(handler: (cmd: string, args: Record<string, unknown>) => unknown = () => null) {
  const calls: { cmd: string; args: Record<string, unknown> }[] = [];
  mockIPC((cmd, args) => {
    calls.push({ cmd, args: args as Record<string, unknown> });
    const answer = handler(cmd, args as Record<string, unknown>);
    if (answer !== null) return answer;
    if (cmd === "list_groups") {
      return [
        { group: steering, seats: 5, seat_count: 8, vacant: 8, serving: 0 },
        { group: county, seats: 29, seat_count: 58, vacant: 57, serving: 1 },
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
  it("shows the seats in order with holder, status, coming successor and gaps, and ends a holder", async () => {
    router.param = "2";
    const rep = appointment({ to: "2026-03-31", person_protected: true });
    const old = appointment({ id: 3, person_name: "Erik Ros", from: "2023-01-01", ended_on: "2024-12-31" });
    const sara = appointment({ id: 4, person_name: "Sara Lind", role: "substitute", seat_id: 22, from: "2027-01-01" });
    const falun = { organisation_id: 5, organisation_name: "Falu kommun", org_kind: null, label: null, group_id: 2 };
    const calls = setup((cmd) => {
      if (cmd === "group_detail") {
        return {
          group: county,
          seats: [
            seatView({ seat: seat({ id: 21, position: 1, role: "representative", ...falun }), holder: rep, holder_status: "term_expired" }),
            seatView({ seat: seat({ id: 22, position: 2, role: "substitute", ...falun }), successor: sara }),
          ],
          rows: [],
          history: [old, rep, sara],
        };
      }
      if (cmd === "end_appointment") return appointment({ ended_on: "2026-06-01" });
      return null;
    });
    render(Groups, { focusOnMount: false });
    const table = await screen.findByRole("table", { name: /Platserna i Länsgruppen MVK/ });
    expect(calls.find((c) => c.cmd === "group_detail")?.args).toEqual({ id: 2 });
    const [, first, second] = within(table).getAllByRole("row");
    expect(first).toHaveTextContent("Anna Berg");
    expect(first).toHaveTextContent("Skyddad");
    expect(first).toHaveTextContent("2025-01-01 – 2026-03-31");
    expect(first).toHaveTextContent("Mandattiden har gått ut");
    expect(second).toHaveTextContent("Vakant");
    expect(second).toHaveTextContent("från 2027-01-01: Sara Lind");
    expect(within(second).getByRole("button", { name: "Utse ersättare för Falu kommun" })).toBeInTheDocument();
    expect(screen.getByTestId("seat-summary")).toHaveTextContent("2 platser, 1 vakanta");

    // One status vocabulary: the history says the same words as the organisation's page.
    const history = screen.getByRole("table", { name: /Alla uppdrag i Länsgruppen MVK/ });
    expect(within(history).getByRole("row", { name: /Erik Ros/ })).toHaveTextContent("Avslutat");
    expect(within(history).getByRole("row", { name: /Sara Lind/ })).toHaveTextContent("Kommande");

    // Ending asks first, with the last day, and refreshes afterwards.
    await fireEvent.click(within(first).getByRole("button", { name: /^Avsluta Anna Berg/ }));
    expect(await screen.findByRole("heading", { name: "Avsluta uppdraget?" })).toBeInTheDocument();
    expect(screen.getByLabelText("Sista dag i uppdraget")).toHaveValue("2026-06-01");
    await fireEvent.click(screen.getByRole("button", { name: "Avsluta uppdraget" }));
    await waitFor(() => expect(calls.some((c) => c.cmd === "end_appointment")).toBe(true));
    expect(calls.find((c) => c.cmd === "end_appointment")?.args).toEqual({ id: 7, lastDay: "2026-06-01" });
    await waitFor(() => expect(calls.filter((c) => c.cmd === "group_detail")).toHaveLength(2));
    router.param = null;
  });

  it("filters the seats, shows a seat's refused removal in the dialog and withdraws with a reason", async () => {
    router.param = "1";
    const anna = appointment({ group_id: 1, group_name: "Styrgrupp MVK", role: "member", seat_id: 31 });
    const calls = setup((cmd) => {
      if (cmd === "group_detail") {
        return {
          group: steering,
          seats: [
            seatView({ seat: seat({ id: 30, position: 1, organisation_id: 8, organisation_name: "Polismyndigheten", org_kind: null, label: null }) }),
            seatView({ holder: anna, holder_status: "active" }),
            seatView({ seat: seat({ id: 32, position: 8, org_kind: null, label: "Skola/elevhälsa" }) }),
          ],
          rows: [],
          history: [anna],
        };
      }
      if (cmd === "remove_seat") throw { code: "in_use", message: "Platsen har en innehavare: Anna Berg." };
      if (cmd === "withdraw_appointment") return anna;
      return null;
    });
    render(Groups, { focusOnMount: false });
    const table = await screen.findByRole("table", { name: /Platserna i Styrgrupp MVK/ });
    expect(within(table).getAllByRole("row")).toHaveLength(4);
    await fireEvent.input(screen.getByRole("searchbox", { name: "Sök bland platserna" }), { target: { value: "anna" } });
    expect(within(table).getAllByRole("row")).toHaveLength(2);
    expect(screen.getByText("1 av 3 platser visas")).toBeInTheDocument();
    await fireEvent.input(screen.getByRole("searchbox", { name: "Sök bland platserna" }), { target: { value: "elevhälsa" } });
    expect(within(table).getByRole("row", { name: /Skola\/elevhälsa \(valfri organisation\)/ })).toBeInTheDocument();
    await fireEvent.input(screen.getByRole("searchbox", { name: "Sök bland platserna" }), { target: { value: "" } });

    await fireEvent.click(screen.getByRole("button", { name: "Ta bort plats 6: Socialchef (valfri kommun)" }));
    await fireEvent.click(await screen.findByTestId("remove-seat-confirm"));
    expect(await screen.findByTestId("remove-seat-refusal")).toHaveTextContent("Platsen har en innehavare: Anna Berg.");
    expect(calls.find((c) => c.cmd === "remove_seat")?.args).toEqual({ seatId: 31 });
    await fireEvent.click(within(screen.getByTestId("remove-seat")).getByRole("button", { name: "Avbryt" }));

    await fireEvent.click(screen.getByRole("button", { name: "Återkalla Anna Bergs uppdrag som ledamot (felregistrerat)" }));
    await fireEvent.click(await screen.findByTestId("withdraw-submit"));
    expect(await screen.findByText("Ange ett skäl.")).toBeInTheDocument();
    expect(calls.some((c) => c.cmd === "withdraw_appointment")).toBe(false);
    await fireEvent.input(screen.getByLabelText("Skäl"), { target: { value: "Fel person" } });
    await fireEvent.click(screen.getByTestId("withdraw-submit"));
    await waitFor(() =>
      expect(calls.find((c) => c.cmd === "withdraw_appointment")?.args).toEqual({ id: 7, reason: "Fel person" }),
    );
    router.param = null;
  });

  it("prints every mandate form of a one-per-organisation group from its page, not of other groups", async () => {
    router.param = "2";
    window.__samverkanTestPaths = { dir: "/tmp/forms" };
    const detail = (group: typeof county) => ({ group, seats: [seatView({ seat: seat({ group_id: group.id }) })], rows: [], history: [] });
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

  it("offers the mandate forms of a steering group's seats, and none for free membership", async () => {
    router.param = "1";
    setup((cmd) => (cmd === "group_detail" ? { group: steering, seats: [seatView()], rows: [], history: [] } : null));
    const { unmount } = render(Groups, { focusOnMount: false });
    await screen.findByRole("heading", { name: "Styrgrupp MVK" });
    expect(screen.getByTestId("batch-print")).toBeInTheDocument();
    unmount();
    const free = { ...steering, free_membership: true };
    setup((cmd) => (cmd === "group_detail" ? { group: free, seats: [], rows: [], history: [] } : null));
    render(Groups, { focusOnMount: false });
    await screen.findByRole("heading", { name: "Styrgrupp MVK" });
    expect(screen.queryByTestId("batch-print")).not.toBeInTheDocument();
    router.param = null;
  });
});
