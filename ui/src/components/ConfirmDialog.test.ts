import { describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen } from "@testing-library/svelte";
import ConfirmDialog from "./ConfirmDialog.svelte";
import { initLanguage } from "../lib/i18n/index.svelte";
import { memorySettings } from "../lib/settings";

function setup(danger = false) {
  initLanguage(memorySettings());
  const onconfirm = vi.fn();
  const oncancel = vi.fn();
  render(ConfirmDialog, {
    open: true,
    title: "Avsluta uppdraget?",
    message: "Uppdraget avslutas i dag och finns kvar i historiken.",
    confirmLabel: "Avsluta",
    danger,
    onconfirm,
    oncancel,
  });
  return { onconfirm, oncancel };
}

describe("ConfirmDialog", () => {
  it("is a dialog named by its title and described by its message", () => {
    setup();
    const dialog = screen.getByRole("dialog", { name: "Avsluta uppdraget?" });
    expect(dialog).toHaveAccessibleDescription(
      "Uppdraget avslutas i dag och finns kvar i historiken.",
    );
  });

  it("confirms with the confirm button and closes", async () => {
    const { onconfirm, oncancel } = setup(true);
    const confirm = screen.getByRole("button", { name: "Avsluta" });
    expect(confirm).toHaveClass("danger");
    await fireEvent.click(confirm);
    expect(onconfirm).toHaveBeenCalledOnce();
    expect(oncancel).not.toHaveBeenCalled();
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });

  it("cancels with the cancel button, labelled in the current language", async () => {
    const { onconfirm, oncancel } = setup();
    await fireEvent.click(screen.getByRole("button", { name: "Avbryt" }));
    expect(oncancel).toHaveBeenCalledOnce();
    expect(onconfirm).not.toHaveBeenCalled();
  });
});
