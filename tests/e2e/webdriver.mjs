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

export class Element {
  constructor(session, id, selector) {
    this.session = session;
    this.id = id;
    this.selector = selector;
  }
  #cmd(method, suffix, body) {
    return this.session.cmd(method, `/element/${this.id}${suffix}`, body);
  }
  click() {
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
