// One headless Chromium for many pages, driven over the DevTools protocol on a pipe
// (--remote-debugging-pipe: commands on the browser's fd 3, answers on fd 4, each a JSON
// message ended by a NUL byte). Starting the browser once instead of once per page
// (`chromium --print-to-pdf=… file://…`, seconds each) keeps a print run of every
// example product to about a minute. Nothing is added to the pages themselves: a
// measuring expression is evaluated from outside, the way DevTools would.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

export const CHROMIUM = '/usr/bin/chromium';

/** Why Chromium cannot be used here (undefined: it can). */
export function noChromium(): string | undefined {
  return existsSync(CHROMIUM) ? undefined : `Chromium is not installed at ${CHROMIUM} (apt-get install chromium)`;
}

type Message = {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
  sessionId?: string;
};

export interface Loaded {
  /** Every URL the page asked for, its own included. */
  requests: string[];
  /** Console messages and errors the page produced. */
  console: string[];
}

export class Browser {
  private next = 1;
  private buffer = '';
  private readonly waiting = new Map<number, { resolve: (m: Message) => void; reject: (e: Error) => void }>();
  private readonly listeners = new Set<(m: Message) => void>();
  private session = '';
  private readonly stderr: string[] = [];

  private constructor(private readonly child: ChildProcess) {
    const out = child.stdio[4] as Readable;
    out.setEncoding('utf8');
    out.on('data', (chunk: string) => {
      this.buffer += chunk;
      let end: number;
      while ((end = this.buffer.indexOf('\0')) >= 0) {
        const message = JSON.parse(this.buffer.slice(0, end)) as Message;
        this.buffer = this.buffer.slice(end + 1);
        if (message.id !== undefined) {
          const w = this.waiting.get(message.id);
          this.waiting.delete(message.id);
          if (message.error) w?.reject(new Error(message.error.message));
          else w?.resolve(message);
        } else for (const l of this.listeners) l(message);
      }
    });
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (s: string) => this.stderr.push(s));
    child.on('exit', (code) => {
      for (const w of this.waiting.values()) w.reject(new Error(`Chromium exited (${code}): ${this.stderr.join('').slice(-500)}`));
      this.waiting.clear();
    });
  }

  static async start(): Promise<Browser> {
    const profile = mkdtempSync(join(tmpdir(), 'reunify-chromium-'));
    const child = spawn(
      CHROMIUM,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-extensions',
        `--user-data-dir=${profile}`,
        '--remote-debugging-pipe',
        'about:blank',
      ],
      { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'], env: { ...process.env, HOME: profile } },
    );
    const browser = new Browser(child);
    const { targetId } = (await browser.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
    const { sessionId } = (await browser.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
    browser.session = sessionId;
    for (const domain of ['Page.enable', 'Runtime.enable', 'Network.enable', 'Log.enable']) await browser.send(domain, {}, sessionId);
    return browser;
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId = this.session): Promise<Record<string, unknown>> {
    const id = this.next++;
    const message: Message & { sessionId?: string } = { id, method, params, ...(sessionId ? { sessionId } : {}) };
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve: (m) => resolve(m.result ?? {}), reject });
      (this.child.stdio[3] as Writable).write(JSON.stringify(message) + '\0');
    });
  }

  /** Opens `url` in the one tab and waits for its load event. */
  async load(url: string): Promise<Loaded> {
    const loaded: Loaded = { requests: [], console: [] };
    const listener = (m: Message) => {
      if (m.sessionId !== this.session) return;
      const p = m.params ?? {};
      if (m.method === 'Network.requestWillBeSent') loaded.requests.push((p.request as { url: string }).url);
      if (m.method === 'Runtime.consoleAPICalled') loaded.console.push(`${p.type as string}: ${JSON.stringify(p.args)}`);
      if (m.method === 'Runtime.exceptionThrown') loaded.console.push(`exception: ${JSON.stringify(p.exceptionDetails)}`);
      if (m.method === 'Log.entryAdded') {
        const entry = p.entry as { level: string; text: string; source: string };
        // the browser's own notes (a policy it applied) are not the page's errors unless they are errors
        if (entry.level === 'error' || entry.level === 'warning') loaded.console.push(`${entry.source} ${entry.level}: ${entry.text}`);
      }
    };
    this.listeners.add(listener);
    try {
      const fired = new Promise<void>((resolve) => {
        const once = (m: Message) => {
          if (m.sessionId === this.session && m.method === 'Page.loadEventFired') {
            this.listeners.delete(once);
            resolve();
          }
        };
        this.listeners.add(once);
      });
      await this.send('Page.navigate', { url });
      await fired;
    } finally {
      this.listeners.delete(listener);
    }
    return loaded;
  }

  /** The loaded page printed as Chromium prints it, page size and margins from its own CSS. */
  async pdf(): Promise<Buffer> {
    const { data } = (await this.send('Page.printToPDF', { preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false })) as { data: string };
    return Buffer.from(data, 'base64');
  }

  /** Evaluates `expression` in the loaded page and returns its value. */
  async evaluate<T>(expression: string): Promise<T> {
    const r = (await this.send('Runtime.evaluate', { expression, returnByValue: true })) as { result: { value: T }; exceptionDetails?: unknown };
    if (r.exceptionDetails) throw new Error(`evaluate: ${JSON.stringify(r.exceptionDetails)}`);
    return r.result.value;
  }

  async close(): Promise<void> {
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    try {
      await this.send('Browser.close', {}, '');
    } catch {
      // already gone
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (this.child.exitCode === null) this.child.kill();
  }
}
