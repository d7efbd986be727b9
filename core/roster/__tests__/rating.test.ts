import { expectError } from '../../../tests/integration/support';
import { ADMIN, MEMBER, SECRETARY } from '../../../tests/support/demo';
import { createHarness, type Harness } from '../../../tests/support/harness';
import { DEFAULT_RATING_CRITERIA, proposeRating } from '../rating';

const BRANCH_1 = 'org-branch-1';
const BRANCH_2 = 'org-branch-2';
const COMMITTEE = 'org-committee';
/** January 2031: the year 2030 is over and the demo data (2026) does not reach it. */
const JANUARY_2031 = Date.parse('2031-01-10T02:00:00.000Z');
const DAY = 86_400_000;
/** An account bound to a plain member of 第二党支部 (the demo binds only its admin there). */
const BRANCH_2_MEMBER = 'wx-branch-2-member';

let h: Harness;

beforeEach(async () => {
  h = await createHarness();
  h.now.value = new Date(JANUARY_2031);
});

afterEach(() => h.close());

async function bindBranch2Member() {
  const [member] = await h.store.query('members', {
    where: { branchId: BRANCH_2, status: 'active', openid: null },
    limit: 1,
  });
  await h.store.update('members', member._id, { $set: { openid: BRANCH_2_MEMBER } });
  await h.store.create('bindings', { _id: BRANCH_2_MEMBER, memberId: member._id, at: h.now.value.toISOString() });
}

const proposals = (year = 2030) => h.call(ADMIN, 'roster', 'ratingProposals', { committeeId: COMMITTEE, year });
const proposalOf = async (orgId: string, year = 2030) =>
  (await proposals(year)).items.find((item) => item.orgId === orgId);

/** A 主题党日 of 第二党支部 held on `day` of 2030 (created in the future, then moved back as if held then). */
async function heldThemeDay(day: string) {
  const { id } = await h.call(ADMIN, 'activity', 'create', {
    orgId: BRANCH_2,
    kind: 'theme_day',
    title: '主题党日',
    startAt: new Date(JANUARY_2031 + DAY).toISOString(),
    endAt: new Date(JANUARY_2031 + DAY + 7_200_000).toISOString(),
  });
  const startAt = new Date(`${day}T09:00:00+08:00`).toISOString();
  const endAt = new Date(`${day}T11:00:00+08:00`).toISOString();
  await h.store.update('activities', id, {
    $set: { status: 'closed', startAt, endAt, closeSummary: { present: 6, late: 0, leave: 1, exempt: 0, absent: 5 } },
  });
}

describe('评星定级: the system proposes', () => {
  it('proposes each branch from its year, scoring the measures by the committee’s weights', async () => {
    const result = await proposals();
    expect(result.criteria).toEqual(DEFAULT_RATING_CRITERIA);
    expect(result.items.map((item) => item.orgId).sort()).toEqual([BRANCH_1, BRANCH_2]);
    for (const item of result.items) {
      const expected = proposeRating(item.measures, DEFAULT_RATING_CRITERIA);
      expect([item.score, item.proposedStars, item.reasons]).toEqual([
        expected.score,
        expected.stars,
        expected.reasons,
      ]);
      expect(item.decision).toBeNull();
    }
    // Nothing held in 2030: every obligation unmet, no attendance to count.
    expect((await proposalOf(BRANCH_2))?.measures).toMatchObject({ cadence: 0, attendance: null, study: 0 });
  });

  it('counts the year’s obligations met: one 主题党日 of 46 (12 支委会, 12 党小组会, 12 主题党日, 4 大会, 4 党课, 2 yearly)', async () => {
    await heldThemeDay('2030-05-20');
    expect((await proposalOf(BRANCH_2))?.measures.cadence).toBe(Math.round((1 / 46) * 1000) / 1000);
    // Two in one month meet that month once.
    await heldThemeDay('2030-05-27');
    expect((await proposalOf(BRANCH_2))?.measures.cadence).toBe(Math.round((1 / 46) * 1000) / 1000);
    expect((await proposalOf(BRANCH_2))?.measures.attendance).toBe(0.5);
  });

  it('counts only the periods ended by today within the running year', async () => {
    h.now.value = new Date('2030-05-25T02:00:00.000Z');
    await heldThemeDay('2030-05-20');
    // May is still running: January to April owe 4 × (支委会, 党小组会, 主题党日), the first quarter 大会 and 党课.
    expect((await proposalOf(BRANCH_2))?.measures.cadence).toBe(0);
    await heldThemeDay('2030-04-20');
    expect((await proposalOf(BRANCH_2))?.measures.cadence).toBe(Math.round((1 / 14) * 1000) / 1000);
  });

  it('uses the committee’s own criteria once set, and refuses criteria that do not add up', async () => {
    await expectError(
      h,
      ADMIN,
      'roster',
      'setRatingCriteria',
      {
        committeeId: COMMITTEE,
        weights: { cadence: 50, attendance: 30, study: 30, declared: 0 },
        thresholds: [90, 80, 70, 60],
        postingDays: 7,
      },
      'INVALID_INPUT',
    );
    expect((await proposals()).criteria).toEqual(DEFAULT_RATING_CRITERIA);
    await h.call(ADMIN, 'roster', 'setRatingCriteria', {
      committeeId: COMMITTEE,
      weights: { cadence: 0, attendance: 0, study: 0, declared: 100 },
      thresholds: [95, 85, 75, 65],
      postingDays: 3,
    });
    const item = await proposalOf(BRANCH_1);
    expect(item?.score).toBe(Math.round((item?.measures.declared ?? 0) * 1000) / 10);
    expect((await proposals()).criteria.postingDays).toBe(3);
  });
});

describe('评星定级: the committee decides, the branch sees it posted, then final', () => {
  it('posts a decision for the posting days, shows it to the branch, and keeps it once final', async () => {
    const decided = await h.call(ADMIN, 'roster', 'decideRating', {
      orgId: BRANCH_1,
      year: 2030,
      stars: 4,
      reason: '三会一课坚持较好，学习完成率有待提高',
    });
    expect(decided).toMatchObject({ orgId: BRANCH_1, year: 2030, stars: 4, status: 'posting' });
    expect(decided.publicUntil).toBe(new Date(JANUARY_2031 + 7 * DAY).toISOString());
    expect((await proposalOf(BRANCH_1))?.decision?.stars).toBe(4);

    // The branch's secretary and its members see it; another branch's member does not.
    for (const who of [SECRETARY, MEMBER]) {
      const { items } = await h.call(who, 'roster', 'ratings', { orgId: BRANCH_1 });
      expect(items).toEqual([expect.objectContaining({ year: 2030, stars: 4, status: 'posting' })]);
    }
    await bindBranch2Member();
    await expectError(h, BRANCH_2_MEMBER, 'roster', 'ratings', { orgId: BRANCH_1 }, 'FORBIDDEN');
    expect((await h.call(BRANCH_2_MEMBER, 'roster', 'ratings', { orgId: BRANCH_2 })).items).toEqual([]);

    // Changed during the posting: audited with what it replaced.
    await h.call(ADMIN, 'roster', 'decideRating', {
      orgId: BRANCH_1,
      year: 2030,
      stars: 3,
      reason: '公示期间收到意见，复核后调整',
    });
    const audit = await h.store.query('audit', { where: { committeeId: COMMITTEE, action: 'org.rate' }, limit: 10 });
    expect(audit).toHaveLength(2);
    expect(audit.map((entry) => entry.before)).toContainEqual({
      stars: 4,
      reason: '三会一课坚持较好，学习完成率有待提高',
    });

    h.now.value = new Date(JANUARY_2031 + 8 * DAY);
    const { items } = await h.call(MEMBER, 'roster', 'ratings', { orgId: BRANCH_1 });
    expect(items[0]).toMatchObject({ stars: 3, status: 'final' });
    await expectError(
      h,
      ADMIN,
      'roster',
      'decideRating',
      { orgId: BRANCH_1, year: 2030, stars: 5, reason: '期满后再改' },
      'CONFLICT',
    );
    expect((await h.call(MEMBER, 'roster', 'ratings', { orgId: BRANCH_1 })).items[0].stars).toBe(3);
  });
});

describe('评星定级: who may, and bad input', () => {
  it('is the committee admin’s: a secretary neither sees the proposals nor decides', async () => {
    await expectError(h, SECRETARY, 'roster', 'ratingProposals', { committeeId: COMMITTEE, year: 2030 }, 'FORBIDDEN');
    await expectError(
      h,
      SECRETARY,
      'roster',
      'decideRating',
      { orgId: BRANCH_1, year: 2030, stars: 5, reason: '给自己支部评五星' },
      'FORBIDDEN',
    );
    await expectError(
      h,
      SECRETARY,
      'roster',
      'setRatingCriteria',
      {
        committeeId: COMMITTEE,
        weights: { cadence: 0, attendance: 0, study: 0, declared: 100 },
        thresholds: [9, 8, 7, 6],
        postingDays: 1,
      },
      'FORBIDDEN',
    );
    expect(await h.store.get('branchRatings', `${BRANCH_1}:2030`)).toBeNull();
  });

  it('refuses a group, a year not yet begun and stars out of range, writing nothing', async () => {
    const decide = (data: Record<string, unknown>) =>
      expectError(
        h,
        ADMIN,
        'roster',
        'decideRating',
        { orgId: BRANCH_1, year: 2030, stars: 4, reason: '评定理由充分', ...data },
        'INVALID_INPUT',
      );
    await decide({ orgId: 'org-group-1' });
    await decide({ year: 2032 });
    await decide({ stars: 6 });
    await decide({ stars: 2.5 });
    await expectError(h, ADMIN, 'roster', 'ratingProposals', { committeeId: BRANCH_1, year: 2030 }, 'INVALID_INPUT');
    expect(await h.store.query('branchRatings', { limit: 10 })).toEqual([]);
  });
});
