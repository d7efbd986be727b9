import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { createContext, runInContext, type Context } from 'node:vm';
import type { CloudBackend } from './backend';
import { FakeWx } from './fake-wx';
import { WEAPP_DIR } from './paths';
import { ancestry, applySetData, byClass, byText, elementId, nodes, textOf, type TaroNode } from './tree';

/**
 * The weapp build's logic layer, run as WeChat runs it: app.js and each page's JS in a `vm` context
 * whose only globals are those WeChat gives (wx, App, Page, Component, Behavior, getApp,
 * getCurrentPages, timers, console; `require` per module, CommonJS). Pages get an instance whose
 * `setData` applies to `data` as WeChat does; the view layer (WXML rendering) is not run, the data
 * it would render is what the tests read. Navigation keeps a page stack as WeChat does.
 */

type Json = Record<string, unknown>;
/** Timeouts this short are part of rendering (scheduler, nextTick polling); settle() runs them. */
const SHORT_TIMER_MS = 100;
/** The view layer's events that bubble (WeChat's 冒泡事件). */
const BUBBLING = new Set(['tap', 'longpress', 'longtap', 'touchstart', 'touchmove', 'touchend', 'touchcancel']);
type Hook = (this: PageInstance, ...args: unknown[]) => unknown;

export interface AppJson {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
  tabBar?: { list: Array<{ pagePath: string }> };
  [key: string]: unknown;
}

export interface PageInstance {
  route: string;
  __route__: string;
  options: Record<string, string>;
  data: Json;
  setData(patch: Json, cb?: () => void): void;
  [key: string]: unknown;
}

export const appJson = (): AppJson => JSON.parse(readFileSync(join(WEAPP_DIR, 'app.json'), 'utf8')) as AppJson;

/** Every page of the build, main package and subpackages, as routes (`packages/secretary/pages/…`). */
export function allPages(app: AppJson = appJson()): string[] {
  return [...app.pages, ...(app.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))];
}

/** A page's own JSON (its navigation title). */
export const pageJson = (route: string): Json =>
  JSON.parse(readFileSync(join(WEAPP_DIR, `${route}.json`), 'utf8')) as Json;

function parseUrl(url: string): { route: string; query: Record<string, string> } {
  const [path, search = ''] = url.replace(/^\//, '').split('?');
  const query: Record<string, string> = {};
  for (const part of search.split('&').filter(Boolean)) {
    const [k, v = ''] = part.split('=');
    // WeChat passes query values as they are in the URL (still encoded).
    query[k] = v;
  }
  return { route: path, query };
}

export interface LaunchOptions {
  backend: CloudBackend;
  openid: string;
  /** The first page (default the first in app.json) and its query, as WeChat opens it. */
  path?: string;
  query?: Record<string, string>;
  /** The entry scene (1001: the chat list's 最近使用; 1011: a QR code scanned with the camera). */
  scene?: number;
  /** Run timers on jest's fake clock: settle() then advances it by zero to run what is due. */
  fakeTimers?: boolean;
}

/** One running mini-program. */
export class Weapp {
  readonly wx: FakeWx;
  /** console.error and console.warn, and exceptions the app did not catch. */
  readonly errors: string[] = [];
  readonly warnings: string[] = [];
  readonly stack: PageInstance[] = [];
  private readonly context: Context;
  private readonly modules = new Map<string, { exports: unknown }>();
  private readonly pageConfigs = new Map<string, Json>();
  private appInstance: Json | null = null;
  private appConfig: Json | null = null;
  private loadingRoute: string | null = null;
  private setDataCalls = 0;
  /** Pending timeouts and when they are due (the app's clock). */
  private readonly timers = new Map<ReturnType<typeof setTimeout>, number>();
  private readonly intervals = new Set<ReturnType<typeof setInterval>>();
  private enter: Json;
  private readonly onRejection = (reason: unknown) => this.errors.push(`unhandled rejection: ${describe(reason)}`);
  private closed = false;

  private constructor(private readonly options: LaunchOptions) {
    const first = options.path ?? appJson().pages[0];
    this.enter = { path: first, query: options.query ?? {}, scene: options.scene ?? 1001, referrerInfo: {} };
    this.wx = new FakeWx(
      options.backend,
      () => options.openid,
      this.navigator(),
      () => ({ ...this.enter }),
    );
    this.wx.findElement = (id) => {
      const top = this.stack[this.stack.length - 1];
      if (!top) return undefined;
      for (const node of nodes(new PageHandle(this, top).tree)) if (node.uid === id || node.id === id) return node;
      return undefined;
    };
    const record =
      (into: string[]) =>
      (...args: unknown[]) =>
        into.push(args.map(describe).join(' '));
    const guard =
      (fn: (...a: unknown[]) => unknown) =>
      (...args: unknown[]) => {
        try {
          fn(...args);
        } catch (error) {
          this.errors.push(`uncaught exception in a timer: ${describe(error)}`);
        }
      };
    const globals: Json = {
      wx: this.wx.build(),
      App: (config: Json) => {
        this.appConfig = config;
      },
      Page: (config: Json) => {
        if (!this.loadingRoute) throw new Error('Page() called outside a page module');
        this.pageConfigs.set(this.loadingRoute, config);
      },
      // Taro's recursive `comp` component and custom wrappers: registered, never instantiated here.
      Component: () => undefined,
      Behavior: (config: Json) => config,
      getApp: () => this.appInstance,
      getCurrentPages: () => [...this.stack],
      // Timers are the test's (jest's fake ones when it uses them); an exception is recorded as WeChat reports it.
      setTimeout: (fn: (...a: unknown[]) => unknown, ms?: number, ...args: unknown[]) => {
        const id = setTimeout(() => {
          this.timers.delete(id);
          guard(fn)(...args);
        }, ms);
        this.timers.set(id, Date.now() + (ms ?? 0));
        return id;
      },
      clearTimeout: (id: ReturnType<typeof setTimeout>) => {
        this.timers.delete(id);
        clearTimeout(id);
      },
      setInterval: (fn: (...a: unknown[]) => unknown, ms?: number, ...args: unknown[]) => {
        const id = setInterval(() => guard(fn)(...args), ms);
        this.intervals.add(id);
        return id;
      },
      clearInterval: (id: ReturnType<typeof setInterval>) => {
        this.intervals.delete(id);
        clearInterval(id);
      },
      console: {
        log: () => undefined,
        info: () => undefined,
        debug: () => undefined,
        warn: record(this.warnings),
        error: record(this.errors),
      },
      // The test's Date, so that jest's fake clock is the app's clock too.
      Date,
    };
    this.context = createContext(globals, { name: 'weapp' });
    process.on('unhandledRejection', this.onRejection);
  }

  /** Starts the mini-program as WeChat does: app.js, App's onLaunch and onShow, then the first page. */
  static async launch(options: LaunchOptions): Promise<Weapp> {
    const app = new Weapp(options);
    app.require(WEAPP_DIR, './app');
    if (!app.appConfig) throw new Error('app.js did not call App()');
    app.appInstance = app.appConfig;
    const launch = { ...app.enter };
    app.hook(app.appInstance, 'onLaunch', launch);
    app.hook(app.appInstance, 'onShow', launch);
    app.push(String(app.enter.path), app.enter.query as Record<string, string>);
    await app.settle();
    return app;
  }

  /** The page on top of the stack. */
  get page(): PageHandle {
    const top = this.stack[this.stack.length - 1];
    if (!top) throw new Error('no page is open');
    return new PageHandle(this, top);
  }

  /** Opens `route` as the only page (reLaunch), and waits until it has settled. */
  async open(route: string, query: Record<string, string> = {}): Promise<PageHandle> {
    this.reLaunchTo(route, query);
    await this.settle();
    return this.page;
  }

  /**
   * Waits until the app is idle: no call to the backend in flight and no setData for a few turns of
   * the event loop (with fake timers, what is due now runs in between).
   */
  async settle(): Promise<void> {
    let quiet = 0;
    let seen = -1;
    for (let turn = 0; quiet < 5; turn++) {
      if (turn > 5000)
        throw new Error(
          `the app did not settle: ${this.wx.pending} calls in flight, timers due in ` +
            `${[...this.timers.values()].map((due) => due - Date.now()).join(', ')} ms`,
        );
      const soon = this.nextShortTimer();
      if (soon === null) await new Promise<void>((r) => setImmediate(r));
      // (A zero delay set while the fake clock ticks is due a millisecond later.)
      else if (this.options.fakeTimers) jest.advanceTimersByTime(Math.max(soon, 1));
      // A framework timer (React's scheduler, Taro's nextTick): let it run, it is part of rendering.
      else await new Promise<void>((r) => setTimeout(r, soon));
      const busy = this.wx.pending > 0 || this.setDataCalls !== seen || soon !== null;
      seen = this.setDataCalls;
      quiet = busy ? 0 : quiet + 1;
    }
  }

  /**
   * How long until the next pending timeout of at most SHORT_TIMER_MS is due, or null: such timers
   * are the framework's scheduling, not the app waiting for something (a toast, a heartbeat).
   */
  private nextShortTimer(): number | null {
    const now = Date.now();
    let next: number | null = null;
    for (const due of this.timers.values()) {
      const wait = Math.max(0, due - now);
      if (wait <= SHORT_TIMER_MS && (next === null || wait < next)) next = wait;
    }
    return next;
  }

  /** Unloads every page and stops the app's timers. */
  async close(): Promise<void> {
    if (this.closed) return;
    while (this.stack.length) this.unload(this.stack.pop() as PageInstance);
    await this.settle().catch(() => undefined);
    for (const id of this.timers.keys()) clearTimeout(id);
    for (const id of this.intervals) clearInterval(id);
    process.off('unhandledRejection', this.onRejection);
    this.closed = true;
  }

  /**
   * The app's own `@tarojs/taro` module (what the pages call `Taro`), from the build's webpack
   * registry: the loaded module that defines `initPxTransform`.
   */
  taro(): Record<string, unknown> {
    type WebpackRequire = ((id: string) => unknown) & { m: Record<string, { toString(): string }> };
    let found: Record<string, unknown> | null = null;
    const jsonp = (this.context.wx as { webpackJsonp: Array<unknown> }).webpackJsonp;
    jsonp.push([
      [`weapp-test-${Date.now()}`],
      {},
      (require: WebpackRequire) => {
        for (const id of Object.keys(require.m)) {
          if (!require.m[id].toString().includes('initPxTransform')) continue;
          const exports = (require(id) ?? {}) as Record<string, unknown>;
          // Minified: the default export is under a one-letter name.
          for (const value of [exports, ...Object.values(exports)]) {
            const taro = value as Record<string, unknown> | null;
            if (typeof taro?.pxTransform === 'function') found = taro;
          }
        }
      },
    ]);
    if (!found) throw new Error('@tarojs/taro not found in the build');
    return found;
  }

  /** Everything that went wrong: console errors, uncaught exceptions, APIs the fake `wx` lacks. */
  problems(): string[] {
    return [...this.errors, ...this.warnings.filter((w) => w.includes('暂不支持'))];
  }

  /** CommonJS as WeChat runs it: paths relative to the requiring file, within the package. */
  private require(fromDir: string, request: string): unknown {
    let file = resolve(fromDir, request);
    if (!file.endsWith('.js')) file += '.js';
    if (relative(WEAPP_DIR, file).startsWith('..')) throw new Error(`require outside the package: ${request}`);
    const cached = this.modules.get(file);
    if (cached) return cached.exports;
    const module = { exports: {} as unknown };
    this.modules.set(file, module);
    const code = readFileSync(file, 'utf8');
    const fn = runInContext(`(function (require, module, exports) {${code}\n})`, this.context, {
      filename: file,
    }) as (req: (r: string) => unknown, m: typeof module, e: unknown) => void;
    fn((r) => this.require(dirname(file), r), module, module.exports);
    return module.exports;
  }

  private hook(target: Json, name: string, ...args: unknown[]): void {
    const fn = target[name];
    if (typeof fn !== 'function') return;
    try {
      (fn as Hook).apply(target as PageInstance, args);
    } catch (error) {
      this.errors.push(`${name} threw: ${describe(error)}`);
    }
  }

  private isTab(route: string): boolean {
    return (appJson().tabBar?.list ?? []).some((t) => t.pagePath === route);
  }

  /** Loads a page's module (once) and makes an instance of its Page() config: onLoad, onShow, onReady. */
  private push(route: string, query: Record<string, string>): void {
    if (!allPages().includes(route)) throw new Error(`page "${route}" is not in app.json`);
    if (!this.pageConfigs.has(route)) {
      this.loadingRoute = route;
      try {
        this.require(WEAPP_DIR, `./${route}`);
      } finally {
        this.loadingRoute = null;
      }
    }
    const config = this.pageConfigs.get(route);
    if (!config) throw new Error(`${route}.js did not call Page()`);
    const top = this.stack[this.stack.length - 1];
    if (top) this.hook(top, 'onHide');
    const instance: PageInstance = {
      ...config,
      route,
      __route__: route,
      options: query,
      data: structuredClone((config.data ?? {}) as Json),
      setData: (patch: Json, cb?: () => void) => {
        this.setDataCalls++;
        applySetData(instance.data, patch);
        if (cb) setTimeout(cb, 0);
      },
    };
    this.stack.push(instance);
    this.hook(instance, 'onLoad', query);
    this.hook(instance, 'onShow');
    this.hook(instance, 'onReady');
  }

  private unload(page: PageInstance): void {
    this.hook(page, 'onUnload');
  }

  private reLaunchTo(route: string, query: Record<string, string>): void {
    while (this.stack.length) this.unload(this.stack.pop() as PageInstance);
    this.push(route, query);
  }

  private navigator() {
    const fail = (message: string) => {
      throw new Error(message);
    };
    return {
      navigateTo: (url: string) => {
        const { route, query } = parseUrl(url);
        if (this.isTab(route)) fail('can not navigateTo a tabbar page');
        if (this.stack.length >= 10) fail('webview count limit exceed');
        this.push(route, query);
      },
      redirectTo: (url: string) => {
        const { route, query } = parseUrl(url);
        if (this.isTab(route)) fail('can not redirectTo a tabbar page');
        const top = this.stack.pop();
        if (top) this.unload(top);
        this.push(route, query);
      },
      navigateBack: (delta: number) => {
        for (let i = 0; i < delta && this.stack.length > 1; i++) this.unload(this.stack.pop() as PageInstance);
        const top = this.stack[this.stack.length - 1];
        if (top) this.hook(top, 'onShow');
      },
      // WeChat keeps tab pages alive; the harness opens them afresh (their onLoad runs again).
      switchTab: (url: string) => {
        const { route } = parseUrl(url);
        if (!this.isTab(route)) fail('can not switch to no-tabBar page');
        this.reLaunchTo(route, {});
      },
      reLaunch: (url: string) => {
        const { route, query } = parseUrl(url);
        this.reLaunchTo(route, query);
      },
    };
  }

  /** Runs one of Taro's event handlers on a page, as the view layer would (internal to PageHandle). */
  dispatch(page: PageInstance, node: TaroNode, type: string, detail: Json): void {
    const handler = page.eh;
    if (typeof handler !== 'function') throw new Error(`${page.route} has no event handler`);
    const asTarget = (n: TaroNode) => ({ id: elementId(n), dataset: { sid: n.sid } });
    const target = asTarget(node);
    // A tap bubbles: WeChat calls the handler of each element on the way up that binds it (Taro
    // binds the elements with listeners; for the others its handler finds nothing to call).
    const path = BUBBLING.has(type) ? ancestry(page.data.root as TaroNode, node) : [node];
    for (const current of path) {
      try {
        const event = { type, detail, target, currentTarget: asTarget(current), timeStamp: Date.now() };
        (handler as Hook).call(page, event);
      } catch (error) {
        this.errors.push(`${type} handler threw: ${describe(error)}`);
      }
    }
  }

  /** Calls a page's lifecycle or Taro-registered hook (onPullDownRefresh, onHide, …). */
  callPageHook(page: PageInstance, name: string, ...args: unknown[]): void {
    this.hook(page, name, ...args);
  }
}

/** A page as the test sees it: its rendered data, and the user's taps and input. */
export class PageHandle {
  constructor(
    private readonly app: Weapp,
    readonly instance: PageInstance,
  ) {}

  get route(): string {
    return this.instance.route;
  }

  get tree(): TaroNode {
    return (this.instance.data.root ?? {}) as TaroNode;
  }

  text(): string {
    return textOf(this.tree);
  }

  byClass(cls: string): TaroNode[] {
    return byClass(this.tree, cls);
  }

  /** The innermost element whose text contains `label`; fails when there is none. */
  find(label: string): TaroNode {
    // An element whose whole text is the label (a button) before one that mentions it (a hint).
    const found = byText(this.tree, label).sort((a, b) => Number(textOf(b) === label) - Number(textOf(a) === label));
    if (!found.length) throw new Error(`no "${label}" on ${this.route}:\n${this.text()}`);
    return found[0];
  }

  /** Taps an element (a node, a class `.name`, or a label), then waits for the app to settle. */
  async tap(what: TaroNode | string): Promise<void> {
    this.app.dispatch(this.instance, this.resolve(what), 'tap', { x: 0, y: 0 });
    await this.app.settle();
  }

  /** Fires any view-layer event on an element (`input`, `timeupdate`, `agreeprivacyauthorization`, …). */
  async trigger(what: TaroNode | string, type: string, detail: Json = {}): Promise<void> {
    this.app.dispatch(this.instance, this.resolve(what), type, detail);
    await this.app.settle();
  }

  hook(name: string, ...args: unknown[]): void {
    this.app.callPageHook(this.instance, name, ...args);
  }

  private resolve(what: TaroNode | string): TaroNode {
    if (typeof what !== 'string') return what;
    if (what.startsWith('.')) {
      const [node] = this.byClass(what.slice(1));
      if (!node) throw new Error(`no ${what} on ${this.route}`);
      return node;
    }
    return this.find(what);
  }
}

function describe(value: unknown): string {
  if (value instanceof Error || (typeof value === 'object' && value !== null && 'stack' in value))
    return String((value as Error).stack ?? (value as Error).message);
  if (typeof value === 'object' && value !== null) {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}
