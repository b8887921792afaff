// The rows of a long list, fetched from the core a page at a time as they come into view.
//
// The core sorts and filters (SQL) and answers with one page and the total; this keeps the
// pages that arrived and asks for the ones a window needs. A new query (`reset`) starts a new
// generation: an answer of an older one is dropped, so a search answered after a newer
// keystroke never shows. Until the first page of the new query arrives the old rows stay, with
// `loading` set, so the list does not flash empty while the register answers.

import type { Page } from "./bindings/Page";
import { toAppError } from "./api";

export type FetchPage<T> = (offset: number, limit: number) => Promise<Page<T>>;

export class PagedRows<T> {
  /** How many rows the whole list has; null until the first answer. */
  total = $state<number | null>(null);
  /** A page of the current query is on its way. */
  loading = $state(false);
  /** Why the last page could not be fetched (in the user's language). */
  error = $state<string | null>(null);

  readonly pageSize: number;
  #fetch: FetchPage<T>;
  #pages = new Map<number, T[]>();
  #pending = new Set<number>();
  #generation = 0;
  /** Bumped when a page arrives, so readers of `row` see it. */
  #version = $state(0);

  constructor(fetch: FetchPage<T>, pageSize = 100, first?: Page<T>) {
    this.#fetch = fetch;
    this.pageSize = pageSize;
    if (first) this.#accept(first);
  }

  /** The row at `index`, or undefined while its page is on its way. */
  row(index: number): T | undefined {
    void this.#version;
    const page = this.#pages.get(Math.floor(index / this.pageSize));
    return page?.[index % this.pageSize];
  }

  /** Asks for the pages that hold rows `from` to `to` (exclusive), those not here yet. */
  ensure(from: number, to: number) {
    const last = this.total === null ? from : Math.min(to, this.total);
    const first = Math.max(0, from);
    for (let p = Math.floor(first / this.pageSize); p * this.pageSize < Math.max(last, first + 1); p++) {
      if (!this.#pages.has(p) && !this.#pending.has(p)) void this.#load(p, this.#generation);
    }
  }

  /**
   * A new query (or the same after a change): every page is asked again, beginning with the
   * first; pages of the earlier query still on their way are dropped when they arrive.
   */
  reset(fetch?: FetchPage<T>) {
    if (fetch) this.#fetch = fetch;
    this.#generation++;
    this.#pending.clear();
    void this.#load(0, this.#generation, true);
  }

  async #load(page: number, generation: number, replace = false) {
    this.#pending.add(page);
    this.loading = true;
    try {
      const answer = await this.#fetch(page * this.pageSize, this.pageSize);
      if (generation !== this.#generation) return;
      if (replace) this.#pages.clear();
      this.#accept(answer);
      this.error = null;
    } catch (err) {
      if (generation !== this.#generation) return;
      this.error = toAppError(err).message;
      if (replace) this.total ??= 0;
    } finally {
      if (generation === this.#generation) {
        this.#pending.delete(page);
        this.loading = this.#pending.size > 0;
      }
    }
  }

  #accept(answer: Page<T>) {
    const first = Math.floor(answer.offset / this.pageSize);
    for (let i = 0; i * this.pageSize < answer.rows.length; i++) {
      this.#pages.set(first + i, answer.rows.slice(i * this.pageSize, (i + 1) * this.pageSize));
    }
    this.total = answer.total;
    this.#version++;
  }
}
