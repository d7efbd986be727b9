/**
 * 切换演示身份 exists only on the local host's H5 build (index.h5.tsx); the mini-program build
 * resolves this file, which renders nothing.
 */
export default function DevIdentitySwitcher() {
  return null;
}
