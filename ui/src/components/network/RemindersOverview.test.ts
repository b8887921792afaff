import { afterEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import RemindersOverview from "./RemindersOverview.svelte";
import { initLanguage } from "../../lib/i18n/index.svelte";
import { memorySettings } from "../../lib/settings";
import type { Reminders } from "../../lib/bindings/Reminders";
import type { Reminder } from "../../lib/bindings/Reminder";

afterEach(() => {
  delete window.__samverkanTestPaths;
});

function letter(over: Partial<Reminder>): Reminder {
  return {
    group_id: 2,
    group_name: "Länsgruppen MVK",
    organisation_id: 5,
    organisation_name: "Falu kommun",
    principal: "Maria Chef",
    email: "maria.chef@falun.se",
    seats: [],
    due: true,
    last_sent: null,
    ...over,
  };
}

const seat = {
  seat_id: 11,
  appointment_id: null,
  kind: "vacant" as const,
  role: "substitute" as const,
  label: null,
  holder: null,
  holder_id: null,
  protected: false,
  withheld: false,
  until: null,
  last_sent: null,
  recent: false,
};

function reminders(over: Partial<Reminders> = {}): Reminders {
  const rows = [
    letter({
      seats: [
        { ...seat, seat_id: 10, appointment_id: 7, kind: "term_ending", role: "representative", holder: "Anna Öberg", holder_id: 3, until: "2027-01-15" },
      ],
    }),
    letter({
      organisation_id: 6,
      organisation_name: "Borlänge kommun",
      principal: "Björn Åström",
      seats: [
        { ...seat, seat_id: 12, appointment_id: 8, kind: "term_ending", role: "representative", protected: true, withheld: true, until: "2026-12-31" },
        seat,
      ],
    }),
    letter({ organisation_id: 7, organisation_name: "Mora kommun", email: null, due: false, last_sent: "2026-11-01", seats: [seat] }),
  ];
  return {
    within_days: 60,
    letters: { total: rows.length, offset: 0, rows },
    due: 2,
    recent: 1,
    open_seats: 3,
    without_email: 1,
    left_out: [{ person_id: 9, name: "Hanna Skydd" }],
    ...over,
  };
}

function setup(r: Reminders) {
  const calls: { cmd: string; args: Record<string, unknown> }[] = [];
  mockIPC((cmd, args) => {
    calls.push({ cmd, args: args as Record<string, unknown> });
    if (cmd === "write_reminders") return { within_days: 60, written: [{}, {}], skipped: 1, protected_left_out: 1 };
    if (cmd === "set_reminder_days") return (args as { days: number }).days;
    return null;
  });
  initLanguage(memorySettings());
  let changed = 0;
  render(RemindersOverview, { reminders: r, onchanged: () => changed++ });
  return { calls, changed: () => changed };
}

describe("RemindersOverview", () => {
  it("lists the reminders due, what each seat is and when each was last sent, with protected people unnamed", () => {
    setup(reminders());
    const section = screen.getByTestId("reminders-overview");
    expect(within(section).getByRole("heading", { name: "Påminnelser till uppdragsgivare" })).toBeInTheDocument();
    expect(screen.getByTestId("reminders-due")).toHaveTextContent("2 påminnelser att skicka");
    const items = within(screen.getByTestId("reminder-list")).getAllByRole("listitem");
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent("Falu kommun, Länsgruppen MVK");
    expect(items[0]).toHaveTextContent("Representant: Anna Öberg, t.o.m. 2027-01-15");
    expect(items[0]).toHaveTextContent("inte skickad");
    expect(items[1]).toHaveTextContent("Representant: nuvarande innehavare, t.o.m. 2026-12-31; Ersättare: tom");
    expect(items[1]).not.toHaveTextContent("Hanna");
    expect(items[2]).toHaveTextContent("senast skickad 2026-11-01");
    expect(items[2]).toHaveTextContent("ingen e-post: brevet skrivs ut");
    expect(within(items[0]).getByRole("link", { name: "Falu kommun" })).toHaveAttribute("href", "#/organisations/5");
    expect(screen.getByText(/3 öppna platser står tomma/)).toBeInTheDocument();
    expect(screen.getByText("1 skickade inom perioden")).toBeInTheDocument();
  });

  it("writes them into the chosen folder, with --again and an included person when asked", async () => {
    const { calls, changed } = setup(reminders());
    window.__samverkanTestPaths = { dir: "/tmp/påminnelser" };
    await fireEvent.click(screen.getByTestId("reminders-again"));
    await fireEvent.click(screen.getByRole("checkbox", { name: /Hanna Skydd/ }));
    await fireEvent.click(screen.getByTestId("reminders-write"));
    await waitFor(() => expect(changed()).toBe(1));
    expect(calls.find((c) => c.cmd === "write_reminders")?.args).toEqual({
      dir: "/tmp/påminnelser",
      request: { within_days: null, again: true, include: [9] },
    });
  });

  it("cannot write when nothing is due unless asked to write again, and saves the period", async () => {
    const { calls, changed } = setup(reminders({ due: 0, recent: 3 }));
    const button = screen.getByTestId("reminders-write");
    expect(button).toBeDisabled();
    expect(screen.getByTestId("reminders-due")).toHaveTextContent("Inga påminnelser att skicka just nu.");
    await fireEvent.click(screen.getByTestId("reminders-again"));
    expect(button).toBeEnabled();

    const days = screen.getByTestId("reminders-days");
    await fireEvent.input(days, { target: { value: "90" } });
    await fireEvent.click(screen.getByRole("button", { name: "Spara perioden" }));
    await waitFor(() => expect(changed()).toBe(1));
    expect(calls.find((c) => c.cmd === "set_reminder_days")?.args).toEqual({ days: 90 });
  });
});
