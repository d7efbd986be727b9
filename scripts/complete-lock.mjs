// The npm registry reachable here is a partial mirror: some optional, platform-specific packages
// (e.g. @swc/core-darwin-arm64@1.16.22, @tarojs/binding-win32-x64-msvc@4.2.1) are missing, so
// `npm install` leaves them out of package-lock.json and `npm ci` then rejects the lock as out of
// sync. This adds the missing optional entries the way a lock made against the full registry has
// them: platform packages with their os/cpu (npm ci skips them on other platforms without
// fetching), anything else as an optional remote that may fail to install. Run it after
// `npm install` changes the lock: `node scripts/complete-lock.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const LOCK = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(LOCK, 'utf8'));
const packages = lock.packages;
const registry = 'https://registry.npmjs.org';

const OS = ['darwin', 'linux', 'win32', 'freebsd', 'android'];
const CPU = {
  arm64: 'arm64',
  x64: 'x64',
  ia32: 'ia32',
  arm: 'arm',
  ppc64: 'ppc64',
  s390x: 's390x',
  riscv64: 'riscv64',
};

function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = OS.find((o) => parts.includes(o));
  const cpu = Object.keys(CPU).find((c) => parts.includes(c));
  if (!os || !cpu) return null;
  const libc = parts.includes('musl') ? ['musl'] : parts.includes('gnu') && os === 'linux' ? ['glibc'] : undefined;
  return { os: [os], cpu: [CPU[cpu]], ...(libc ? { libc } : {}) };
}

/** The lock entry npm would resolve `name` to from the package at `from` (nearest node_modules up). */
function resolve(from, name) {
  for (let dir = from; ; dir = dir.slice(0, Math.max(0, dir.lastIndexOf('/node_modules/')))) {
    const key = `${dir ? `${dir}/` : ''}node_modules/${name}`;
    if (packages[key]) return { key, entry: packages[key] };
    if (!dir) return null;
  }
}

let added = 0;
for (const [path, entry] of Object.entries({ ...packages })) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    const exact = /^\d+\.\d+\.\d+/.test(spec);
    const found = resolve(path, name);
    if (found && (!exact || found.entry.version === spec)) {
      // An entry of ours that a later `npm install` kept but stripped of its URL: npm ci needs it back.
      if (!platformOf(name) && !exact && found.entry.version === '0.0.0' && !found.entry.resolved) {
        found.entry.resolved = `${registry}/${name}/-/${name.split('/').pop()}-0.0.0.tgz`;
        added++;
      }
      continue;
    }
    // A different version already sits higher up: this one nests under its parent.
    const key = found ? `${path}/node_modules/${name}` : `node_modules/${name}`;
    const version = exact ? spec : '0.0.0';
    const platform = platformOf(name);
    packages[key] = {
      version,
      ...(platform || exact ? {} : { resolved: `${registry}/${name}/-/${name.split('/').pop()}-${version}.tgz` }),
      ...(entry.dev ? { dev: true } : {}),
      optional: true,
      ...(platform ?? {}),
    };
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
writeFileSync(LOCK, JSON.stringify(lock, null, 2) + '\n');
console.log(`complete-lock: added ${added} optional entr${added === 1 ? 'y' : 'ies'} missing from the mirror`);
