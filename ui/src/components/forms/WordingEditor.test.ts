import { describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import WordingEditor from "./WordingEditor.svelte";
import { initLanguage } from "../../lib/i18n/index.svelte";
import { memorySettings } from "../../lib/settings";
import { statusRow } from "./testdata";
import type { Wording } from "../../lib/bindings/Wording";

const wording: Wording = {
  title: "Uppdrag i {group}",
  before: [{ heading: "Syfte", text: "{organisation} deltar {meetings_words} gånger.\n- punkt ett" }],
  after: [],
  signature_note: "Skriv under, {principal}.",
  coordinator: { name: "", title: "", email: "", phone: "" },
};

describe("WordingEditor", () => {
  it("previews the wording filled in for an organisation and saves a new version", async () => {
    const calls: { cmd: string; args: Record<string, unknown> }[] = [];
    mockIPC((cmd, args) => {
      calls.push({ cmd, args: args as Record<string, unknown> });
      if (cmd === "form_wording") return { version: null, lang: "sv", saved_at: null, wording };
      if (cmd === "form_placeholders") return [["group", "Länsgruppen MVK"], ["organisation", "Falu kommun"], ["meetings_words", "fyra"]];
      if (cmd === "save_form_wording") {
        return { version: 3, lang: "sv", saved_at: "2026-11-22T10:00:00Z", wording: (args as { wording: Wording }).wording };
      }
      return null;
    });
    initLanguage(memorySettings());
    render(WordingEditor, { groupId: 2, orgs: [statusRow()] });

    const preview = await screen.findByTestId("wording-preview");
    await waitFor(() => expect(within(preview).getByText("Uppdrag i Länsgruppen MVK")).toBeInTheDocument());
    expect(within(preview).getByText("Falu kommun deltar fyra gånger.")).toBeInTheDocument();
    expect(within(preview).getByText("punkt ett").tagName).toBe("LI");
    expect(within(preview).getByText("Skriv under, ____________.")).toBeInTheDocument();
    expect(screen.getByTestId("wording-version")).toHaveTextContent("Standardtext");

    const title = screen.getByTestId("wording-title");
    await fireEvent.input(title, { target: { value: "Ny rubrik för {organisation}" } });
    expect(within(preview).getByText("Ny rubrik för Falu kommun")).toBeInTheDocument();
    await fireEvent.click(screen.getByTestId("wording-save"));
    await waitFor(() => expect(screen.getByTestId("wording-version")).toHaveTextContent("Textversion 3"));
    const saved = calls.find((c) => c.cmd === "save_form_wording")?.args as { lang: string; wording: Wording };
    expect(saved.lang).toBe("sv");
    expect(saved.wording.title).toBe("Ny rubrik för {organisation}");
  });
});

describe("WordingEditor placeholders", () => {
  it("shows the placeholders in Swedish, inserts one on click and saves the neutral token", async () => {
    const calls: { cmd: string; args: Record<string, unknown> }[] = [];
    mockIPC((cmd, args) => {
      calls.push({ cmd, args: args as Record<string, unknown> });
      if (cmd === "form_wording") return { version: 2, lang: "sv", saved_at: "2026-11-20T10:00:00Z", wording };
      if (cmd === "form_placeholders") return [["group", "Länsgruppen MVK"], ["organisation", "Falu kommun"], ["network", "Nätverket"]];
      if (cmd === "save_form_wording") {
        return { version: 3, lang: "sv", saved_at: "2026-11-22T10:00:00Z", wording: (args as { wording: Wording }).wording };
      }
      return null;
    });
    initLanguage(memorySettings());
    render(WordingEditor, { groupId: 2, orgs: [statusRow()] });

    const title = (await screen.findByTestId("wording-title")) as HTMLInputElement;
    expect(title.value).toBe("Uppdrag i {grupp}");
    const editor = screen.getByTestId("wording-editor");
    expect(editor).not.toHaveTextContent("{network}");
    expect(editor).not.toHaveTextContent("{meetings_words}");
    const buttons = within(screen.getByTestId("wording-placeholders"));
    const network = buttons.getByRole("button", { name: /Nätverkets namn/ });
    expect(network).toHaveTextContent("{nätverk}");
    expect(buttons.getByRole("button", { name: /Antal möten per år \(i ord/ })).toHaveTextContent("{antal möten i ord}");

    // Click into the title after "Uppdrag", insert the network's name there.
    await fireEvent.focusIn(title);
    title.setSelectionRange("Uppdrag".length, "Uppdrag".length);
    await fireEvent.click(network);
    expect(title.value).toBe("Uppdrag{nätverk} i {grupp}");
    const preview = screen.getByTestId("wording-preview");
    await waitFor(() => expect(within(preview).getByText("UppdragNätverket i Länsgruppen MVK")).toBeInTheDocument());

    await fireEvent.click(screen.getByTestId("wording-save"));
    await waitFor(() => expect(screen.getByTestId("wording-version")).toHaveTextContent("Textversion 3"));
    const saved = calls.find((c) => c.cmd === "save_form_wording")?.args as { wording: Wording };
    expect(saved.wording.title).toBe("Uppdrag{network} i {group}");
    expect(saved.wording.before[0].text).toBe("{organisation} deltar {meetings_words} gånger.\n- punkt ett");
    expect(saved.wording.signature_note).toBe("Skriv under, {principal}.");
    // Shown again in Swedish after saving.
    expect(title.value).toBe("Uppdrag{nätverk} i {grupp}");
  });

  it("searches the organisation of the preview among the group's 10,000, with no option per organisation", async () => {
    const asked: number[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "form_wording") return { version: null, lang: "sv", saved_at: null, wording };
      if (cmd === "form_placeholders") {
        asked.push((args as { orgId: number }).orgId);
        return [["organisation", `Organisation ${(args as { orgId: number }).orgId}`]];
      }
      return null;
    });
    initLanguage(memorySettings());
    const orgs = Array.from({ length: 10_000 }, (_, i) => statusRow({ organisation_id: i + 1, organisation_name: `Organisation ${i + 1}` }));
    render(WordingEditor, { groupId: 2, orgs });
    const field = screen.getByRole("combobox", { name: "Organisation i förhandsvisningen" });
    await waitFor(() => expect(field).toHaveValue("Organisation 1"));
    expect(asked).toEqual([1]);
    expect(document.querySelectorAll("option").length).toBeLessThan(10);
    await fireEvent.input(field, { target: { value: "organisation 9876" } });
    const list = () => within(screen.getByRole("listbox", { hidden: true })).getAllByRole("option");
    await waitFor(() => expect(list().map((o) => o.textContent)).toEqual(["Organisation 9876"]));
    await fireEvent.keyDown(field, { key: "Enter" });
    await waitFor(() => expect(asked).toEqual([1, 9876]));
    const preview = screen.getByTestId("wording-preview");
    await waitFor(() => expect(within(preview).getByText("Organisation 9876 deltar ____________ gånger.")).toBeInTheDocument());
  });
});
