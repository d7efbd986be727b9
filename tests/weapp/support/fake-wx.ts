import { CloudBackend } from './backend';

/**
 * A fake `wx`: the one edge of the mini-program that cannot run here (WeChat's client and servers).
 * Everything behind it is real: `cloud.callFunction` runs the real handlers (CloudBackend), cloud
 * storage follows the documented storage rules, and what a user would answer in WeChat's own UI
 * (the camera, the location prompt, the settings page, a chat's file) comes from `user`, set by the
 * test. APIs take callbacks and answer asynchronously, as WeChat's do; `wx.cloud` APIs also return
 * a promise when called without callbacks.
 */

type Json = Record<string, unknown>;
type Callbacks = { success?: (res: Json) => void; fail?: (res: Json) => void; complete?: (res: Json) => void };
type Options = Json & Callbacks;

/** A failure as WeChat reports it: `errMsg` is `<api>:fail <message>`. */
export class WxFail extends Error {
  constructor(
    message: string,
    readonly extra: Json = {},
  ) {
    super(message);
  }
}

/** What the user does in WeChat's own UI when the app asks; each test sets what it needs. */
export interface FakeUser {
  /** What the camera reads, in order; 'cancel' closes the scanner. */
  scans: Array<string | 'cancel'>;
  /** Where the phone is. */
  location: { latitude: number; longitude: number };
  /** The answer to WeChat's location prompt the first time the app asks. */
  locationPrompt: 'allow' | 'deny';
  /** Whether, on the settings page (openSetting), the user turns location on. */
  enablesLocationInSettings: boolean;
  /** The file picked from a chat, or 'cancel'. */
  messageFile: { name: string; content: Buffer } | 'cancel';
  /** The photo or video picked, or 'cancel'. */
  media: { name: string; content: Buffer; durationS?: number } | 'cancel';
  /** The answer to any showModal. */
  confirms: boolean;
  /** The answer to WeChat's 保存到相册 prompt (scope.writePhotosAlbum) the first time the app asks. */
  albumPrompt: 'allow' | 'deny';
  /** Whether, on the settings page (openSetting), the user turns 添加到相册 on. */
  enablesAlbumInSettings: boolean;
}

/**
 * A `<canvas type="2d">` node as a selector query returns it: its 2D context records what is painted
 * (every call by name, the texts filled) and accepts any style.
 */
export class FakeCanvas {
  width = 300;
  height = 150;
  readonly calls: string[] = [];
  readonly texts: string[] = [];

  getContext(type: string): Json {
    if (type !== '2d') throw new Error(`getContext(${type}) on a 2d canvas`);
    const state: Json = {};
    return new Proxy(state, {
      get: (target, prop) => {
        if (typeof prop !== 'string') return undefined;
        if (prop in target) return target[prop];
        return (...args: unknown[]) => {
          this.calls.push(prop);
          if (prop === 'fillText') this.texts.push(String(args[0]));
          if (prop === 'createLinearGradient') return { addColorStop: () => undefined };
          return undefined;
        };
      },
      set: (target, prop, value) => {
        if (typeof prop === 'string') target[prop] = value;
        return true;
      },
    });
  }
}

export interface Navigator {
  navigateTo(url: string): void;
  redirectTo(url: string): void;
  navigateBack(delta: number): void;
  switchTab(url: string): void;
  reLaunch(url: string): void;
}

export const PRIVACY_APIS = [
  'getLocation',
  'chooseLocation',
  'chooseMedia',
  'chooseImage',
  'chooseVideo',
  'chooseMessageFile',
  'getClipboardData',
  'saveImageToPhotosAlbum',
] as const;

const SCOPE_OF: Record<string, string> = { getLocation: 'scope.userLocation', chooseLocation: 'scope.userLocation' };

export class FakeWx {
  readonly user: FakeUser = {
    scans: [],
    location: { latitude: 31.2304, longitude: 121.4737 },
    locationPrompt: 'allow',
    enablesLocationInSettings: true,
    messageFile: 'cancel',
    media: 'cancel',
    confirms: true,
    albumPrompt: 'allow',
    enablesAlbumInSettings: true,
  };
  /** The permissions the user has answered (`scope.userLocation`: true / false). */
  readonly authSetting: Record<string, boolean> = {};
  /** Whether the user has agreed to the app's privacy guide (WeChat remembers it). */
  privacyAgreed = false;
  /** Agree buttons (`open-type="agreePrivacyAuthorization"`) the user tapped, by id. */
  readonly agreeButtons = new Set<string>();
  /** Every API call, in order, with its options (callbacks left out). */
  readonly log: Array<{ api: string; options: Json }> = [];
  readonly toasts: string[] = [];
  readonly storage = new Map<string, unknown>();
  /** Files on the phone: chosen files, downloads (`wxfile://…`). */
  readonly tempFiles = new Map<string, Buffer>();
  /** Documents opened with openDocument. */
  readonly openedDocuments: Array<{ filePath: string; content: Buffer | undefined }> = [];
  /** Images saved to the phone's album (saveImageToPhotosAlbum). */
  readonly savedImages: Array<{ filePath: string; content: Buffer | undefined }> = [];
  /** The canvas nodes selector queries handed out, in order. */
  readonly canvases: FakeCanvas[] = [];
  /** The open page's element with this id (`id` prop), set by the harness; selector queries read it. */
  findElement: (id: string) => Json | undefined = () => undefined;
  /** What createVideoContext's controls were asked to do. */
  readonly videoCommands: Array<{ id: string; command: string; args: unknown[] }> = [];
  /** Calls in flight to the backend (a settled page has none). */
  pending = 0;
  private privacyListener: ((resolve: (o: Json) => void, info: Json) => void) | null = null;
  privacyListenerCalls = 0;
  private tempCount = 0;

  constructor(
    private readonly backend: CloudBackend,
    private readonly openid: () => string,
    private readonly navigator: Navigator,
    private readonly enterOptions: () => Json,
  ) {}

  private tempPath(name: string, content: Buffer): string {
    const path = `wxfile://tmp_${++this.tempCount}_${name}`;
    this.tempFiles.set(path, content);
    return path;
  }

  /** The user tapped an agree button: WeChat records the agreement. */
  agreeVia(buttonId: string): void {
    this.agreeButtons.add(buttonId);
    this.privacyAgreed = true;
  }

  /** Before a privacy API runs: the app's listener shows its popup, and the API waits for resolve(). */
  private privacyGate(api: string): Promise<void> {
    if (this.privacyAgreed) return Promise.resolve();
    // Without a listener WeChat shows its own popup; the fake has no UI for it, so it fails the call.
    if (!this.privacyListener)
      return Promise.reject(new WxFail('privacy permission is not authorized (no onNeedPrivacyAuthorization)'));
    this.privacyListenerCalls++;
    return new Promise<void>((resolve, reject) => {
      this.privacyListener?.(
        (option) => {
          if (option.event === 'exposureAuthorization') return;
          if (option.event === 'agree' && this.agreeButtons.has(String(option.buttonId))) resolve();
          else reject(new WxFail('privacy permission is not authorized', { errno: 104 }));
        },
        { referrer: api },
      );
    });
  }

  /** The `wx` object the mini-program sees. */
  build(): Json {
    // Called without callbacks, an async API returns a promise (base library ≥ 2.10.2).
    const api = <R extends Json>(name: string, impl: (options: Options) => R | Promise<R>) => {
      return (options: Options = {}) => {
        const { success, fail, complete, ...rest } = options;
        this.log.push({ api: name, options: rest });
        const gate = (PRIVACY_APIS as readonly string[]).includes(name) ? this.privacyGate(name) : Promise.resolve();
        const run = gate.then(() => impl(options));
        const answered = run.then(
          (res) => ({ errMsg: `${name}:ok`, ...res }),
          (error: unknown) => {
            const extra = error instanceof WxFail ? error.extra : {};
            const message = error instanceof Error ? error.message : String(error);
            throw { errMsg: `${name}:fail ${message}`, ...extra };
          },
        );
        if (!success && !fail && !complete) return answered;
        answered.then(
          (res) => {
            success?.(res);
            complete?.(res);
          },
          (res: Json) => {
            fail?.(res);
            complete?.(res);
          },
        );
        return undefined;
      };
    };
    const ok = (name: string, effect: (options: Options) => void = () => undefined) =>
      api(name, (options) => {
        effect(options);
        return {};
      });
    const urlOf = (options: Options) => String(options.url ?? '');
    const backendCall = async <R>(work: () => Promise<R>): Promise<R> => {
      this.pending++;
      try {
        return await work();
      } finally {
        this.pending--;
      }
    };

    const system = {
      brand: 'devtools',
      model: 'iPhone 12',
      pixelRatio: 3,
      screenWidth: 390,
      screenHeight: 844,
      windowWidth: 390,
      windowHeight: 750,
      statusBarHeight: 47,
      language: 'zh_CN',
      version: '8.0.50',
      system: 'iOS 17.0',
      platform: 'ios',
      SDKVersion: '3.6.0',
      theme: 'light',
      safeArea: { left: 0, right: 390, top: 47, bottom: 810, width: 390, height: 763 },
    };

    const cloud = {
      // DYNAMIC_CURRENT_ENV is a symbol in WeChat's client library.
      DYNAMIC_CURRENT_ENV: Symbol('DYNAMIC_CURRENT_ENV'),
      init: () => undefined,
      callFunction: api('cloud.callFunction', async (options) => {
        const name = String(options.name);
        if (!this.backend.hasFunction(name))
          throw new WxFail('-404011 cloud function execution error: FUNCTION_NOT_FOUND');
        const result = await backendCall(() => this.backend.callFunction(this.openid(), name, options.data ?? {}));
        return { result, requestID: 'test-request' };
      }),
      uploadFile: api('cloud.uploadFile', async (options) => {
        const content = this.tempFiles.get(String(options.filePath));
        if (!content) throw new WxFail('file not found');
        try {
          return { fileID: this.backend.upload(this.openid(), String(options.cloudPath), content), statusCode: 200 };
        } catch (error) {
          throw new WxFail((error as Error).message);
        }
      }),
      downloadFile: api('cloud.downloadFile', async (options) => {
        let content: Buffer;
        try {
          content = this.backend.download(this.openid(), String(options.fileID));
        } catch (error) {
          throw new WxFail((error as Error).message);
        }
        const name = String(options.fileID).split('/').pop() ?? 'file';
        return { tempFilePath: this.tempPath(name, content), statusCode: 200 };
      }),
      getTempFileURL: api('cloud.getTempFileURL', async (options) => ({
        fileList: ((options.fileList as string[]) ?? []).map((fileID) => ({
          fileID,
          tempFileURL: `https://tmp.example.invalid/${CloudBackend.pathOf(fileID) ?? ''}`,
          status: 0,
        })),
      })),
    };

    const wx: Json = {
      cloud,
      // Sync APIs.
      getSystemInfoSync: () => ({ ...system }),
      getWindowInfo: () => ({ ...system }),
      getDeviceInfo: () => ({ ...system }),
      getAppBaseInfo: () => ({ ...system }),
      getSystemSetting: () => ({ locationEnabled: true, wifiEnabled: true, bluetoothEnabled: false }),
      getAppAuthorizeSetting: () => ({ locationAuthorized: 'authorized', cameraAuthorized: 'authorized' }),
      getMenuButtonBoundingClientRect: () => ({ width: 87, height: 32, top: 51, right: 380, bottom: 83, left: 293 }),
      getAccountInfoSync: () => ({ miniProgram: { appId: 'wx0000000000000000', envVersion: 'develop', version: '' } }),
      getEnterOptionsSync: () => this.enterOptions(),
      getLaunchOptionsSync: () => this.enterOptions(),
      canIUse: () => true,
      getStorageSync: (key: string) => (this.storage.has(key) ? this.storage.get(key) : ''),
      setStorageSync: (key: string, value: unknown) => void this.storage.set(key, structuredClone(value)),
      removeStorageSync: (key: string) => void this.storage.delete(key),
      clearStorageSync: () => this.storage.clear(),
      getStorageInfoSync: () => ({ keys: [...this.storage.keys()], currentSize: 0, limitSize: 10240 }),
      onNeedPrivacyAuthorization: (listener: (resolve: (o: Json) => void, info: Json) => void) => {
        this.privacyListener = listener;
      },
      createVideoContext: (id: string) => {
        const command =
          (name: string) =>
          (...args: unknown[]) =>
            void this.videoCommands.push({ id, command: name, args });
        return { play: command('play'), pause: command('pause'), seek: command('seek'), stop: command('stop') };
      },
      createSelectorQuery: () => {
        let selector = '';
        let wantsNode = false;
        // `#id` with fields({ node: true }) on a <canvas type="2d"> of the page gives its node.
        const answer = () => {
          const element = selector.startsWith('#') ? this.findElement(selector.slice(1)) : undefined;
          // Taro's data names a canvas by its class h5-canvas and keeps `type` under a short key.
          const canvas2d =
            !!element && String(element.cl ?? '').includes('h5-canvas') && Object.values(element).includes('2d');
          if (!wantsNode || !canvas2d) return null;
          const node = new FakeCanvas();
          this.canvases.push(node);
          return { node, width: 375, height: 500 };
        };
        const query = {
          in: () => query,
          select: (s: string) => {
            selector = s;
            return query;
          },
          selectAll: () => query,
          selectViewport: () => query,
          boundingClientRect: () => query,
          scrollOffset: () => query,
          fields: (fields?: Json) => {
            wantsNode = !!fields?.node;
            return query;
          },
          exec: (cb?: (res: unknown[]) => void) => setTimeout(() => cb?.([answer()]), 0),
        };
        return query;
      },
      createIntersectionObserver: () => ({
        relativeTo: () => undefined,
        relativeToViewport: () => undefined,
        observe: () => undefined,
        disconnect: () => undefined,
      }),
      onAppShow: () => undefined,
      onAppHide: () => undefined,
      offAppShow: () => undefined,
      offAppHide: () => undefined,
      onNetworkStatusChange: () => undefined,
      onWindowResize: () => undefined,
      offWindowResize: () => undefined,
      onThemeChange: () => undefined,
      onUnhandledRejection: () => undefined,
      onError: () => undefined,
      nextTick: (fn: () => void) => void Promise.resolve().then(fn),
      reportEvent: () => undefined,
      // Async APIs.
      showToast: ok('showToast', (o) => void this.toasts.push(String(o.title ?? ''))),
      hideToast: ok('hideToast'),
      showLoading: ok('showLoading'),
      hideLoading: ok('hideLoading'),
      showModal: api('showModal', () => ({ confirm: this.user.confirms, cancel: !this.user.confirms })),
      showActionSheet: api('showActionSheet', () => ({ tapIndex: 0 })),
      setNavigationBarTitle: ok('setNavigationBarTitle'),
      setNavigationBarColor: ok('setNavigationBarColor'),
      setBackgroundColor: ok('setBackgroundColor'),
      setBackgroundTextStyle: ok('setBackgroundTextStyle'),
      stopPullDownRefresh: ok('stopPullDownRefresh'),
      startPullDownRefresh: ok('startPullDownRefresh'),
      pageScrollTo: ok('pageScrollTo'),
      setKeepScreenOn: ok('setKeepScreenOn'),
      vibrateShort: ok('vibrateShort'),
      setClipboardData: ok('setClipboardData'),
      openLocation: ok('openLocation'),
      hideHomeButton: ok('hideHomeButton'),
      showShareMenu: ok('showShareMenu'),
      previewImage: ok('previewImage'),
      getNetworkType: api('getNetworkType', () => ({ networkType: 'wifi' })),
      getSetting: api('getSetting', () => ({ authSetting: { ...this.authSetting } })),
      navigateTo: ok('navigateTo', (o) => this.navigator.navigateTo(urlOf(o))),
      redirectTo: ok('redirectTo', (o) => this.navigator.redirectTo(urlOf(o))),
      navigateBack: ok('navigateBack', (o) => this.navigator.navigateBack(Number(o.delta ?? 1))),
      switchTab: ok('switchTab', (o) => this.navigator.switchTab(urlOf(o))),
      reLaunch: ok('reLaunch', (o) => this.navigator.reLaunch(urlOf(o))),
      scanCode: api('scanCode', () => {
        const next = this.user.scans.shift();
        if (next === undefined || next === 'cancel') throw new WxFail('cancel');
        // onlyFromCamera: true is the app's guard against screenshots; without it the album is offered too.
        return { result: next, scanType: 'QR_CODE', charSet: 'UTF-8', path: '' };
      }),
      getLocation: api('getLocation', () => {
        const scope = SCOPE_OF.getLocation;
        if (this.authSetting[scope] === undefined) this.authSetting[scope] = this.user.locationPrompt === 'allow';
        if (!this.authSetting[scope]) throw new WxFail('auth deny');
        return { ...this.user.location, accuracy: 30, speed: 0, altitude: 0 };
      }),
      chooseLocation: api('chooseLocation', () => ({ name: '党群服务中心', address: '', ...this.user.location })),
      openSetting: api('openSetting', () => {
        if (this.user.enablesLocationInSettings) this.authSetting['scope.userLocation'] = true;
        if (this.user.enablesAlbumInSettings && this.authSetting['scope.writePhotosAlbum'] === false)
          this.authSetting['scope.writePhotosAlbum'] = true;
        return { authSetting: { ...this.authSetting } };
      }),
      authorize: api('authorize', (o) => {
        if (this.authSetting[String(o.scope)] === false) throw new WxFail('auth deny');
        this.authSetting[String(o.scope)] = true;
        return {};
      }),
      chooseMessageFile: api('chooseMessageFile', () => {
        const file = this.user.messageFile;
        if (file === 'cancel') throw new WxFail('cancel');
        const path = this.tempPath(file.name, file.content);
        return { tempFiles: [{ path, name: file.name, size: file.content.length, type: 'file', time: 0 }] };
      }),
      chooseMedia: api('chooseMedia', (o) => {
        const media = this.user.media;
        if (media === 'cancel') throw new WxFail('cancel');
        const video = ((o.mediaType as string[] | undefined) ?? []).includes('video');
        const tempFilePath = this.tempPath(media.name, media.content);
        return {
          type: video ? 'video' : 'image',
          tempFiles: [
            {
              tempFilePath,
              size: media.content.length,
              duration: media.durationS ?? 0,
              fileType: video ? 'video' : 'image',
              thumbTempFilePath: '',
            },
          ],
        };
      }),
      downloadFile: api('downloadFile', (o) => {
        // Plain downloads need the URL's domain in the app's downloadFile domain list; none is set.
        throw new WxFail(`url not in domain list: ${urlOf(o)}`);
      }),
      canvasToTempFilePath: api('canvasToTempFilePath', (o) => {
        const canvas = o.canvas;
        if (!(canvas instanceof FakeCanvas)) throw new WxFail('canvas is empty');
        if (!canvas.texts.length) throw new WxFail('nothing was drawn');
        // The picture as the texts painted on it (the fake has no rasteriser).
        const header = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
        const content = Buffer.concat([header, Buffer.from(JSON.stringify(canvas.texts))]);
        return { tempFilePath: this.tempPath('canvas.png', content) };
      }),
      saveImageToPhotosAlbum: api('saveImageToPhotosAlbum', (o) => {
        const scope = 'scope.writePhotosAlbum';
        if (this.authSetting[scope] === undefined) this.authSetting[scope] = this.user.albumPrompt === 'allow';
        if (!this.authSetting[scope]) throw new WxFail('auth deny');
        const filePath = String(o.filePath);
        if (!this.tempFiles.has(filePath)) throw new WxFail('file not found');
        this.savedImages.push({ filePath, content: this.tempFiles.get(filePath) });
        return {};
      }),
      openDocument: api('openDocument', (o) => {
        const filePath = String(o.filePath);
        if (!this.tempFiles.has(filePath)) throw new WxFail('file not found');
        this.openedDocuments.push({ filePath, content: this.tempFiles.get(filePath) });
        return {};
      }),
      getPrivacySetting: api('getPrivacySetting', () => ({
        needAuthorization: !this.privacyAgreed,
        privacyContractName: '《支部通隐私保护指引》',
      })),
      requirePrivacyAuthorize: api('requirePrivacyAuthorize', () =>
        this.privacyGate('requirePrivacyAuthorize').then(() => ({})),
      ),
      openPrivacyContract: ok('openPrivacyContract'),
      login: api('login', () => ({ code: 'test-login-code' })),
      request: api('request', (o) => {
        throw new WxFail(`url not in domain list: ${urlOf(o)}`);
      }),
    };
    return wx;
  }
}
