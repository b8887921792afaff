// The save-dialog flow every export of the Möten screen (and a person's register extract)
// shares: ask where to save, write the file through the core, tell what went into which file;
// and the busy flag and refusal of the panel it runs in.
import { save } from "@tauri-apps/plugin-dialog";
import type { ExportOutcome } from "../../lib/bindings/ExportOutcome";
import { t, type MessageKey } from "../../lib/i18n/index.svelte";
import { notify } from "../../lib/status.svelte";
import { safeFileName } from "../../lib/forms";
import { messageOf } from "../network/format";


/** What the save dialog shows: its title, the proposed name (without extension), the filter. */
export interface SaveTarget {
  title: string;
  name: string;
  filter: string;
  ext: string;
}

export class ExportTask {
  busy = $state(false);
  error = $state<string | null>(null);

  /** Runs one export step; a refusal is kept in `error`. True when it went through. */
  async run(task: () => Promise<void>): Promise<boolean> {
    this.busy = true;
    this.error = null;
    try {
      await task();
      return true;
    } catch (err) {
      this.error = messageOf(err);
      return false;
    } finally {
      this.busy = false;
    }
  }

  /**
   * Asks where to save, writes the file with `write`, and shows `done` ({count}, {file}).
   * False when the coordinator cancels the dialog or the core refuses.
   */
  async saveAs(target: SaveTarget, write: (path: string) => Promise<ExportOutcome>, done: MessageKey): Promise<boolean> {
    return this.saveWith(target, write, (out) => t(done, { count: out.items, file: out.file }));
  }

  /**
   * Asks where to save, writes the file with `write`, and shows what `done` makes of its
   * result and the chosen path. False when the coordinator cancels the dialog or the core
   * refuses.
   */
  async saveWith<T>(target: SaveTarget, write: (path: string) => Promise<T>, done: (out: T, path: string) => string): Promise<boolean> {
    let path: string | null;
    try {
      path = await save({
        title: target.title,
        defaultPath: `${safeFileName(target.name)}.${target.ext}`,
        filters: [{ name: target.filter, extensions: [target.ext] }],
      });
    } catch (err) {
      this.error = messageOf(err);
      return false;
    }
    if (!path) return false;
    const chosen = path;
    return this.run(async () => {
      const out = await write(chosen);
      notify(done(out, chosen), "success");
    });
  }
}
