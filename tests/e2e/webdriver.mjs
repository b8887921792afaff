// A minimal W3C WebDriver client over Node's built-in fetch: just the commands the
// end-to-end tests use. tauri-driver speaks plain W3C WebDriver, so this is all it takes,
// with no dependency tree to install or audit.

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

export class WebDriverError extends Error {
  constructor(method, path, status, value) {
    const detail = value?.message ?? JSON.stringify(value);
    super(`${method} ${path} → ${status} ${value?.error ?? ""}: ${detail}`);
    this.name = "WebDriverError";
    this.status = status;
    this.error = value?.error;
  }
}

async function request(base, method, path, body) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json; charset=utf-8" },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(120_000),
  });
  const text = await res.text();
  let json;
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    throw new WebDriverError(method, path, res.status, { message: text.slice(0, 300) });
  }
  if (!res.ok) throw new WebDriverError(method, path, res.status, json.value);
  return json.value;
}

/**
 * Runs in the page: "ok" when `arguments[0]` can take a click now, otherwise why not. Scrolls
 * it to the middle of its scroll container when it is outside the viewport.
 */
const ACTIONABLE = `
  const [el, done] = arguments;
  const why = (() => {
    if (!el.isConnected) return "detached from the page";
    if (el.disabled || el.getAttribute("aria-disabled") === "true") return "disabled";
    const style = getComputedStyle(el);
    if (style.visibility === "hidden" || style.display === "none") return "hidden";
    return null;
  })();
  if (why) return done(why);
  let r = el.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) return done("without a size");
  if (r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth) {
    el.scrollIntoView({ block: "center", inline: "nearest" });
  }
  requestAnimationFrame(() => requestAnimationFrame(() => {
    const a = el.getBoundingClientRect();
    requestAnimationFrame(() => {
      const b = el.getBoundingClientRect();
      if (a.top !== b.top || a.left !== b.left || a.width !== b.width || a.height !== b.height) {
        return done("moving");
      }
      const x = b.left + b.width / 2;
      const y = b.top + b.height / 2;
      if (y < 0 || x < 0 || y >= innerHeight || x >= innerWidth) return done("outside the window");
      const hit = document.elementFromPoint(x, y);
      if (hit === null) return done("not hit at its centre");
      if (hit === el || el.contains(hit) || (hit.control && hit.control === el)) return done("ok");
      const label = hit.closest("label");
      if (label && label.control === el) return done("ok");
      const name = hit.tagName.toLowerCase() + (hit.id ? "#" + hit.id : "") +
        (hit.className && typeof hit.className === "string" ? "." + hit.className.trim().split(/\\s+/).join(".") : "");
      done("covered by " + name);
    });
  }));
`;

export class Element {
  constructor(session, id, selector) {
    this.session = session;
    this.id = id;
    this.selector = selector;
  }
  #cmd(method, suffix, body) {
    return this.session.cmd(method, `/element/${this.id}${suffix}`, body);
  }
  /**
   * Clicks as a person does: first waits until the element is actionable (attached, enabled,
   * rendered with a size, scrolled into view, not moving between two frames, and the topmost
   * element at its centre: not under a toast, a dialog's backdrop or the window's edge). On a
   * busy machine the page can be a frame behind the test; a click sent then lands on whatever
   * covers the button ("element click intercepted"), so this waits instead of clicking at once.
   */
  async click(timeoutMs) {
    let reason = "";
    await this.session.waitFor(
      `${this.selector ?? "the element"} to be clickable`,
      async () => {
        reason = await this.session.executeAsync(ACTIONABLE, [this]);
        return reason === "ok";
      },
      timeoutMs,
    ).catch((err) => {
      throw new Error(`${err.message}; last seen: ${reason}`);
    });
    return this.#cmd("POST", "/click", {});
  }
  text() {
    return this.#cmd("GET", "/text");
  }
  attribute(name) {
    return this.#cmd("GET", `/attribute/${encodeURIComponent(name)}`);
  }
  property(name) {
    return this.#cmd("GET", `/property/${encodeURIComponent(name)}`);
  }
  selected() {
    return this.#cmd("GET", "/selected");
  }
  toJSON() {
    return { [ELEMENT]: this.id };
  }
}

export class Session {
  constructor(base, id, capabilities) {
    this.base = base;
    this.id = id;
    this.capabilities = capabilities;
  }

  /** Opens a session; `capabilities` is the `alwaysMatch` object. */
  static async start(base, capabilities) {
    const value = await request(base, "POST", "/session", {
      capabilities: { alwaysMatch: capabilities },
    });
    return new Session(base, value.sessionId, value.capabilities);
  }

  cmd(method, path, body) {
    return request(this.base, method, `/session/${this.id}${path}`, body);
  }

  async quit() {
    await this.cmd("DELETE", "");
  }

  setTimeouts(timeouts) {
    return this.cmd("POST", "/timeouts", timeouts);
  }

  url() {
    return this.cmd("GET", "/url");
  }

  title() {
    return this.cmd("GET", "/title");
  }

  async find(selector) {
    const value = await this.cmd("POST", "/element", { using: "css selector", value: selector });
    return new Element(this, value[ELEMENT], selector);
  }

  async findAll(selector) {
    const values = await this.cmd("POST", "/elements", {
      using: "css selector",
      value: selector,
    });
    return values.map((v) => new Element(this, v[ELEMENT], selector));
  }

  /** Runs `script` as a function body in the page; `arguments` holds `args`. */
  execute(script, args = []) {
    return this.cmd("POST", "/execute/sync", { script, args });
  }

  /** Like `execute`, but the script calls `arguments[arguments.length - 1](result)`. */
  executeAsync(script, args = []) {
    return this.cmd("POST", "/execute/async", { script, args });
  }

  /** Presses keys, one after the other, on whatever has the focus (W3C Perform Actions). */
  async pressKeys(...keys) {
    const actions = keys.flatMap((k) => [{ type: "keyDown", value: k }, { type: "keyUp", value: k }]);
    await this.cmd("POST", "/actions", { actions: [{ type: "key", id: "keyboard", actions }] });
    await this.cmd("DELETE", "/actions");
  }

  /** Resizes the window (W3C Set Window Rect). */
  setWindowRect(rect) {
    return this.cmd("POST", "/window/rect", rect);
  }

  /** A PNG of the web view, as a Buffer. */
  async screenshot() {
    return Buffer.from(await this.cmd("GET", "/screenshot"), "base64");
  }

  /** Polls `probe` until it returns a truthy value; throws with `what` after `timeoutMs`. */
  async waitFor(what, probe, timeoutMs = 10_000, intervalMs = 100) {
    const deadline = Date.now() + timeoutMs;
    let lastError;
    for (;;) {
      try {
        const value = await probe();
        if (value) return value;
      } catch (err) {
        lastError = err;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `timed out after ${timeoutMs} ms waiting for ${what}` +
            (lastError ? ` (last error: ${lastError.message})` : ""),
        );
      }
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }

  /** Waits until `selector` matches at least one element and returns the first. */
  async waitForElement(selector, timeoutMs) {
    return this.waitFor(
      `element ${selector}`,
      async () => (await this.findAll(selector))[0],
      timeoutMs,
    );
  }
}

/** Waits for a WebDriver server to answer /status with ready: true. */
export async function waitForServer(base, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await request(base, "GET", "/status");
      if (value?.ready !== false) return value;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`no WebDriver server at ${base}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
