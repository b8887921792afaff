import { describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import AppointDialog from "./AppointDialog.svelte";
import { initLanguage } from "../../lib/i18n/index.svelte";
import { memorySettings } from "../../lib/settings";
import { appointment, county, person, seat, steering } from "./testdata";
import type { Seat } from "../../lib/bindings/Seat";
import type { SeatHolder } from "../../lib/bindings/SeatHolder";

const anna = appointment();
const falunRep = seat({ id: 21, group_id: 2, position: 19, role: "representative", organisation_id: 5,
  organisation_name: "Falu kommun", org_kind: null, label: null });

function setup(opts: {
  taken: boolean;
  refuse?: { code: string; message: string };
  holder?: SeatHolder;
  seat?: Seat;
}) {
  const calls: { cmd: string; args: Record<string, unknown> }[] = [];
  mockIPC((cmd, args) => {
    calls.push({ cmd, args: args as Record<string, unknown> });
    switch (cmd) {
      case "org_page": {
        // 10,000 organisations in the register: the core answers one page of the matches.
        const a = args as { query: { text: string | null }; page: { offset: number; limit: number } };
        const all = Array.from({ length: 10_000 }, (_, i) => ({ id: 100 + i, name: `Organisation ${i + 1}`, kind: "municipality" }));
        const hits = all.filter((o) => !a.query.text || o.name.toLowerCase().includes(a.query.text.toLowerCase()));
        return { total: hits.length, offset: a.page.offset, rows: hits.slice(a.page.offset, a.page.offset + a.page.limit) };
      }
      case "list_people":
        return [person(), person({ id: 13, name: "Cecilia Dahl", protected: true })];
      case "seat_holder_of":
        return opts.holder ?? (opts.taken
          ? { holder: anna, last_day_if_replaced: "2026-05-31", earliest_replacement: "2025-01-02", successor: null }
          : { holder: null, last_day_if_replaced: null, earliest_replacement: null, successor: null });
      case "appoint_new_person":
        if (opts.refuse) throw opts.refuse;
        return { appointment: appointment({ id: 9, person_name: "Sara Nyberg", from: "2026-06-01" }), replaced: null };
      case "appoint":
        if (opts.refuse) throw opts.refuse;
        return {
          appointment: appointment({ id: 8, person_name: "Bo Ek", from: "2026-06-01" }),
          replaced: opts.taken ? { ...anna, ended_on: "2026-05-31" } : null,
        };
      default:
        return null;
    }
  });
  initLanguage(memorySettings());
  const appointed: unknown[] = [];
  render(AppointDialog, {
    open: true,
    group: opts.seat?.group_id === 1 ? steering : county,
    seat: opts.seat ?? falunRep,
    role: "representative",
    today: "2026-06-01",
    onappointed: (o: unknown) => appointed.push(o),
  });
  return { calls, appointed };
}

async function choosePerson(name: string) {
  const select = await screen.findByRole("combobox", { name: "Person" });
  await screen.findByRole("option", { name: name });
  const option = screen.getByRole<HTMLOptionElement>("option", { name });
  await fireEvent.change(select, { target: { value: option.value } });
}

describe("AppointDialog", () => {
  it("lists the organisation's people and starts from today", async () => {
    const { calls } = setup({ taken: false });
    expect(screen.getByRole("heading", { name: "Utse representant för Falu kommun" })).toBeInTheDocument();
    await screen.findByRole("option", { name: "Bo Ek" });
    expect(screen.getByRole("option", { name: "Cecilia Dahl – Skyddad" })).toBeInTheDocument();
    expect(calls.find((c) => c.cmd === "list_people")?.args).toEqual({ query: { organisation_id: 5 } });
    expect(screen.getByLabelText("Från och med")).toHaveValue("2026-06-01");
    expect(screen.queryByTestId("seat-holder")).not.toBeInTheDocument();
  });

  it("shows who is replaced and from when, and sends replace: true", async () => {
    const { calls, appointed } = setup({ taken: true });
    const notice = await screen.findByTestId("seat-holder");
    expect(notice).toHaveTextContent("Falu kommun har redan en representant: Anna Berg (sedan 2025-01-01).");
    expect(notice).toHaveTextContent("Om du ersätter avslutas Anna Berg 2026-05-31.");
    expect(calls.find((c) => c.cmd === "seat_holder_of")?.args).toEqual({ seatId: 21, day: "2026-06-01" });

    await choosePerson("Bo Ek");
    await fireEvent.click(screen.getByRole("checkbox", { name: "Ersätt Anna Berg" }));
    const submit = screen.getByRole("button", { name: "Ersätt" });
    await fireEvent.click(submit);

    await waitFor(() => expect(appointed).toHaveLength(1));
    expect(calls.find((c) => c.cmd === "appoint")?.args).toEqual({
      request: {
        person_id: 12,
        group_id: 2,
        role: "representative",
        seat_id: 21,
        organisation_id: 5,
        from: "2026-06-01",
        to: null,
        replace: true,
      },
    });
  });

  it("shows the core's refusal prominently and stays open", async () => {
    const message =
      "Falu kommun har redan en representant i Länsgruppen MVK: Anna Berg (sedan 2025-01-01). Välj ”ersätt” för att avsluta det uppdraget, eller avsluta det först.";
    const { calls, appointed } = setup({ taken: true, refuse: { code: "conflict", message } });
    await screen.findByTestId("seat-holder");
    await choosePerson("Bo Ek");
    await fireEvent.click(screen.getByRole("button", { name: "Utse" }));

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Uppdraget sparades inte");
    expect(alert).toHaveTextContent(message);
    expect(calls.find((c) => c.cmd === "appoint")?.args).toMatchObject({ request: { replace: false } });
    expect(appointed).toHaveLength(0);
    expect(screen.getByRole("heading", { name: "Utse representant för Falu kommun" })).toBeInTheDocument();
  });

  it("asks for a person before calling the core", async () => {
    const { calls } = setup({ taken: false });
    await screen.findByRole("option", { name: "Bo Ek" });
    await fireEvent.click(screen.getByRole("button", { name: "Utse" }));
    expect(await screen.findByText("Välj en person.")).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "Person" })).toHaveAttribute("aria-invalid", "true");
    expect(calls.some((c) => c.cmd === "appoint")).toBe(false);
  });

  it("never offers a replacement the core would refuse: it names the earliest start instead", async () => {
    const started = appointment({ from: "2026-06-01" });
    setup({
      taken: true,
      holder: { holder: started, last_day_if_replaced: null, earliest_replacement: "2026-06-02", successor: null },
    });
    const notice = await screen.findByTestId("seat-holder");
    expect(notice).toHaveTextContent("En efterträdare kan börja tidigast 2026-06-02.");
    expect(screen.queryByRole("checkbox", { name: "Ersätt Anna Berg" })).not.toBeInTheDocument();
    await fireEvent.click(screen.getByRole("button", { name: "Börja 2026-06-02" }));
    expect(screen.getByLabelText("Från och med")).toHaveValue("2026-06-02");
  });

  it("names a successor already decided", async () => {
    const sara = appointment({ id: 9, person_name: "Sara Lind", from: "2027-01-01" });
    setup({
      taken: true,
      holder: { holder: anna, last_day_if_replaced: null, earliest_replacement: "2025-01-02", successor: sara },
    });
    expect(await screen.findByTestId("decided-successor")).toHaveTextContent(
      "Redan beslutad efterträdare: från 2027-01-01: Sara Lind.",
    );
  });

  it("fills an open seat: everyone is listed, the role is the seat's and seat_id is sent", async () => {
    const { calls, appointed } = setup({ taken: false, seat: seat() });
    expect(screen.getByRole("heading", { name: "Utse ledamot till plats 6: Socialchef (valfri kommun)" })).toBeInTheDocument();
    await choosePerson("Bo Ek (Falu kommun)");
    expect(calls.find((c) => c.cmd === "list_people")?.args).toEqual({ query: {} });
    expect(screen.getByRole("combobox", { name: "Roll" })).toBeDisabled();
    await fireEvent.click(screen.getByRole("button", { name: "Utse" }));
    await waitFor(() => expect(appointed).toHaveLength(1));
    expect(calls.find((c) => c.cmd === "appoint")?.args).toMatchObject({
      request: { person_id: 12, group_id: 1, role: "member", seat_id: 31, organisation_id: 5 },
    });
  });

  it("adds a new person of the seat's organisation and appoints her in one step", async () => {
    const { calls, appointed } = setup({ taken: false });
    await screen.findByRole("option", { name: "Bo Ek" });
    await fireEvent.click(screen.getByRole("button", { name: "+ Ny person" }));
    expect(screen.getByRole("group", { name: "Ny person i Falu kommun" })).toBeInTheDocument();
    // Without a name nothing is sent.
    await fireEvent.click(screen.getByTestId("appoint-submit"));
    expect(screen.getByText("Skriv den nya personens namn.")).toBeInTheDocument();
    expect(calls.some((c) => c.cmd === "appoint_new_person")).toBe(false);
    await fireEvent.input(screen.getByLabelText(/Namn/), { target: { value: "Sara Nyberg" } });
    await fireEvent.input(screen.getByLabelText("Titel"), { target: { value: "Socialsekreterare" } });
    await fireEvent.input(screen.getByLabelText("E-post"), { target: { value: "sara.nyberg@falun.se" } });
    await fireEvent.click(screen.getByTestId("appoint-submit"));
    await waitFor(() => expect(appointed).toHaveLength(1));
    const sent = calls.find((c) => c.cmd === "appoint_new_person")?.args as {
      person: Record<string, unknown>;
      request: Record<string, unknown>;
    };
    expect(sent.person).toMatchObject({ name: "Sara Nyberg", title: "Socialsekreterare", email: "sara.nyberg@falun.se", organisation_id: 5, phone: null });
    expect(sent.request).toMatchObject({ group_id: 2, seat_id: 21, role: "representative", from: "2026-06-01" });
    expect(calls.some((c) => c.cmd === "appoint")).toBe(false);
  });

  it("shows the core's refusal of the new person's e-mail at the field", async () => {
    setup({ taken: false, refuse: { code: "invalid", message: "Ogiltig e-post: ser inte ut som en e-postadress.", field: "email" } as never });
    await screen.findByRole("option", { name: "Bo Ek" });
    await fireEvent.click(screen.getByRole("button", { name: "+ Ny person" }));
    await fireEvent.input(screen.getByLabelText(/Namn/), { target: { value: "Sara Nyberg" } });
    await fireEvent.input(screen.getByLabelText("E-post"), { target: { value: "sara@" } });
    await fireEvent.click(screen.getByTestId("appoint-submit"));
    await waitFor(() => expect(screen.getByLabelText("E-post")).toHaveAccessibleDescription(/ser inte ut som en e-postadress/));
  });

  it("fills an open seat for an organisation searched in the core, with no option per organisation", async () => {
    const { calls, appointed } = setup({ taken: false, seat: seat() });
    await choosePerson("Bo Ek (Falu kommun)");
    const org = screen.getByRole("combobox", { name: "Organisation som företräds" });
    expect(org).toHaveAttribute("placeholder", "Personens egen organisation");
    expect(calls.some((c) => c.cmd === "list_orgs")).toBe(false);
    await fireEvent.input(org, { target: { value: "organisation 9999" } });
    const list = screen.getByRole("listbox", { hidden: true });
    await waitFor(() => expect(within(list).getAllByRole("option").map((o) => o.textContent)).toEqual(["Organisation 9999Kommun"]));
    expect(calls.filter((c) => c.cmd === "org_page").at(-1)?.args).toEqual({
      query: { text: "organisation 9999" }, sort: "name", descending: false, page: { offset: 0, limit: 21 },
    });
    expect(document.querySelectorAll("option").length).toBeLessThan(20);
    await fireEvent.keyDown(org, { key: "Enter" });
    expect(org).toHaveValue("Organisation 9999");
    await fireEvent.click(screen.getByRole("button", { name: "Utse" }));
    await waitFor(() => expect(appointed).toHaveLength(1));
    expect(calls.find((c) => c.cmd === "appoint")?.args).toMatchObject({
      request: { person_id: 12, seat_id: 31, organisation_id: 100 + 9998 },
    });
  });
});
