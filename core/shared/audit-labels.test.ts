import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PERMISSIONS } from '../../contracts/common';
import { AUDIT_ACTION_LABEL } from '../../contracts/labels/roster';
import { NOTICE_KINDS } from '../../contracts/labels/notice';

/**
 * The 操作日志 says every kind of entry in Chinese: each audit action the functions write (a
 * `'feature.verb'` literal in core that is not a permission, `setup`, or a template such as
 * `activity.leave.${status}`) has a label in AUDIT_ACTION_LABEL, and no label names a kind nobody writes.
 */

const CORE = join(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__tests__' ? [] : sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const code = sources(CORE)
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');
const FEATURES = '(?:org|role|member|declaration|activity|points|lecture|develop|task|employer)';
const permissions: readonly string[] = PERMISSIONS;
/** 消息 kinds (`task.due`) are written to notices, not to the audit log. */
const noticeKinds: readonly string[] = NOTICE_KINDS;
const written = new Set(
  [...code.matchAll(new RegExp(`'(${FEATURES}\\.[a-zA-Z.]+)'`, 'g'))]
    .map((m) => m[1])
    .filter((action) => !permissions.includes(action) && !noticeKinds.includes(action)),
);
if (/action: 'setup'/.test(code)) written.add('setup');
const templates = [...code.matchAll(new RegExp(`\`(${FEATURES}\\.[a-zA-Z.]+\\.)\\$\\{`, 'g'))].map((m) => m[1]);

describe('the audit log’s labels', () => {
  it('finds what the functions write', () => {
    expect(written.has('role.grant')).toBe(true);
    expect(written.has('org.manage')).toBe(false);
    expect(templates.sort()).toEqual(['activity.leave.', 'points.objection.']);
  });

  it('names every kind of entry written, and only those', () => {
    const labelled = Object.keys(AUDIT_ACTION_LABEL);
    expect([...written].filter((action) => !labelled.includes(action))).toEqual([]);
    for (const prefix of templates) expect(labelled.some((action) => action.startsWith(prefix))).toBe(true);
    const stale = labelled.filter((action) => !written.has(action) && !templates.some((p) => action.startsWith(p)));
    expect(stale).toEqual([]);
  });
});
