import { afterEach, describe, expect, it } from "vitest";
import { render, screen, waitFor } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import Forms from "./Forms.svelte";
import { initLanguage } from "../lib/i18n/index.svelte";
import { router } from "../lib/router.svelte";
import { memorySettings } from "../lib/settings";
import { GROUPS, statusRow } from "../components/forms/testdata";

function setup() {
  const asked: number[] = [];
  mockIPC((cmd, args) => {
    if (cmd === "list_groups") return GROUPS;
    if (cmd === "default_form_group") return 2;
    if (cmd === "form_status") {
      const groupId = (args as { groupId: number }).groupId;
      asked.push(groupId);
      return [statusRow({ group_id: groupId })];
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
});
