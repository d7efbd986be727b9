import { expectError } from '../../../tests/integration/support';
import { MEMBER, OFFICER, SECRETARY } from '../../../tests/support/demo';
import { createHarness, type Harness } from '../../../tests/support/harness';

let h: Harness;

beforeEach(async () => {
  h = await createHarness();
});

afterEach(() => h.close());

const told = async (lectureId: string) =>
  (await h.store.query('notices', { limit: 1000 }))
    .filter((n) => n.kind === 'lecture.remind' && n.link?.endsWith(`id=${lectureId}`))
    .map((n) => n.memberId)
    .sort();

describe('提醒未学习', () => {
  it('tells each member of the org who has not finished the lecture, once a day', async () => {
    const { items: lectures } = await h.call(SECRETARY, 'lecture', 'manage', { orgId: 'org-branch-1' });
    const lecture = lectures.find((l) => l.published);
    if (!lecture) throw new Error('the demo should publish a lecture to 第一党支部');
    const stats = await h.call(SECRETARY, 'lecture', 'stats', { id: lecture.id, orgId: 'org-branch-1' });
    const unfinished = stats.items
      .filter((item) => !item.completed)
      .map((item) => item.memberId)
      .sort();
    expect(unfinished.length).toBeGreaterThan(0);

    expect(await h.call(SECRETARY, 'lecture', 'remind', { id: lecture.id, orgId: 'org-branch-1' })).toEqual({
      unfinished: unfinished.length,
      notified: unfinished.length,
    });
    expect(await told(lecture.id)).toEqual(unfinished);
    const finished = stats.items.filter((item) => item.completed).map((item) => item.memberId);
    expect((await told(lecture.id)).some((id) => finished.includes(id))).toBe(false);

    // Again the same day: nobody twice. The next day: again.
    expect((await h.call(SECRETARY, 'lecture', 'remind', { id: lecture.id, orgId: 'org-branch-1' })).notified).toBe(0);
    h.now.value = new Date(h.now.value.getTime() + 24 * 3_600_000);
    expect((await h.call(SECRETARY, 'lecture', 'remind', { id: lecture.id, orgId: 'org-branch-1' })).notified).toBe(
      unfinished.length,
    );
  });

  it('is for those who manage lectures there: not a member, not an officer, not another branch', async () => {
    const { items: lectures } = await h.call(SECRETARY, 'lecture', 'manage', { orgId: 'org-branch-1' });
    const id = lectures[0].id;
    await expectError(h, MEMBER, 'lecture', 'remind', { id, orgId: 'org-branch-1' }, 'FORBIDDEN');
    await expectError(h, OFFICER, 'lecture', 'remind', { id, orgId: 'org-branch-1' }, 'FORBIDDEN');
    await expectError(h, SECRETARY, 'lecture', 'remind', { id, orgId: 'org-branch-2' }, 'FORBIDDEN');
    expect(await told(id)).toEqual([]);
  });
});
