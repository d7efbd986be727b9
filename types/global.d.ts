/// <reference types="@tarojs/taro" />

declare module '*.png' {
  const src: string;
  export default src;
}
declare module '*.svg' {
  const src: string;
  export default src;
}
declare module '*.css';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    /** The platform being built (set by `taro build --type`). */
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'rn' | 'harmony';
    /** Optional WeChat appid override for the build (Taro convention). */
    TARO_APP_ID?: string;
  }
}

/** The WeChat cloud environment id baked in at build time; empty means DYNAMIC_CURRENT_ENV. */
declare const CLOUD_ENV: string;
