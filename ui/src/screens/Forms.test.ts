import { afterEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import Forms from "./Forms.svelte";
import { initLanguage } from "../lib/i18n/index.svelte";
import { router } from "../lib/router.svelte";
import { memorySettings } from "../lib/settings";
import { GROUPS, statusRow } from "../components/forms/testdata";
import type { FormStatusRow } from "../lib/bindings/FormStatusRow";

function setup(rows?: FormStatusRow[]) {
  const asked: number[] = [];
  mockIPC((cmd, args) => {
    if (cmd === "list_groups") return GROUPS;
    if (cmd === "default_form_group") return 2;
    if (cmd === "form_status") {
      const groupId = (args as { groupId: number }).groupId;
      asked.push(groupId);
      return rows ?? [statusRow({ group_id: groupId })];
    }
    if (cmd === "form_wording") return null;
    return null;
  });
  initLanguage(memorySettings());
  return asked;
}

afterEach(() => {
  router.param = null;
});

describe("Uppdragsblanketter", () => {
  it("opens the county group by default", async () => {
    const asked = setup();
    render(Forms, { focusOnMount: false });
    await waitFor(() => expect(asked).toEqual([2]));
    expect(screen.getByTestId("forms-group")).toHaveValue("2");
  });

  it("opens the group a link names (#/forms/3), as Översikt links to it", async () => {
    router.param = "3";
    const asked = setup();
    render(Forms, { focusOnMount: false });
    await waitFor(() => expect(asked).toEqual([3]));
    expect(screen.getByTestId("forms-group")).toHaveValue("3");
  });

  it("falls back to the county group when the link names no group", async () => {
    router.param = "999";
    const asked = setup();
    render(Forms, { focusOnMount: false });
    await waitFor(() => expect(asked).toEqual([2]));
  });

  it("windows a group of 10,000 organisations: the rows in view in the DOM, the count for screen readers, the keys to the last", async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) =>
      statusRow({ organisation_id: i + 1, organisation_name: `Organisation ${i + 1}`, state: i % 2 ? "signed" : "not_printed" }),
    );
    setup(rows);
    render(Forms, { focusOnMount: false });
    const table = await screen.findByRole("table", { name: /Länsgruppen MVK/ });
    expect(table).toHaveAttribute("aria-rowcount", "10001");
    expect(screen.getByTestId("forms-summary")).toHaveTextContent("5000");
    const bodyRows = () => table.querySelectorAll("tbody tr[data-index]");
    expect(bodyRows().length).toBeLessThan(200);
    const first = within(table).getByRole("link", { name: "Organisation 1" });
    expect(first.closest("tr")).toHaveAttribute("data-org", "1");
    first.focus();
    await fireEvent.keyDown(first, { key: "PageDown" });
    await waitFor(() => expect(document.activeElement!.closest("tr")).toHaveAttribute("aria-rowindex", "21"));
    await fireEvent.keyDown(document.activeElement!, { key: "End" });
    await waitFor(() => expect(document.activeElement).toHaveTextContent("Organisation 10000"));
    expect(document.activeElement!.closest("tr")).toHaveAttribute("aria-rowindex", "10001");
    expect(bodyRows().length).toBeLessThan(200);
  });
});
