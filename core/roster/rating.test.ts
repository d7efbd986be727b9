import {
  criteriaProblem,
  DEFAULT_RATING_CRITERIA,
  postingEnds,
  proposeRating,
  starsFor,
  yearCadenceShare,
  type RatingCriteria,
} from './rating';

const criteria = DEFAULT_RATING_CRITERIA;

describe('评星定级 arithmetic', () => {
  it.each([
    [100, 5],
    [90, 5],
    [89.9, 4],
    [80, 4],
    [70, 3],
    [60, 2],
    [59.9, 1],
    [0, 1],
  ])('a score of %p earns %p stars', (score, stars) => {
    expect(starsFor(score, criteria)).toBe(stars);
  });

  it('weighs each measure, and a measure without data earns nothing and says so', () => {
    const rating = proposeRating({ cadence: 0.9, attendance: 0.8, study: null, declared: 1 }, criteria);
    // 0.9 × 40 + 0.8 × 25 + 0 × 20 + 1 × 15
    expect(rating.score).toBe(71);
    expect(rating.stars).toBe(3);
    expect(rating.reasons).toEqual([
      '三会一课完成率 90%，得 36 分（满分 40）',
      '出勤率 80%，得 20 分（满分 25）',
      '学习完成率：本年无数据，得 0 分（满分 20）',
      '亮身份覆盖率 100%，得 15 分（满分 15）',
    ]);
  });

  it('refuses criteria whose weights do not add up to 100 or whose thresholds do not descend', () => {
    expect(criteriaProblem(criteria)).toBeNull();
    const weights = { ...criteria.weights, study: 21 };
    expect(criteriaProblem({ ...criteria, weights })).toBe('各项权重之和应为 100');
    expect(criteriaProblem({ ...criteria, weights: { ...criteria.weights, study: -5, declared: 40 } })).toBe(
      '各项权重应为不小于 0 的整数',
    );
    const flat: RatingCriteria = { ...criteria, thresholds: [90, 80, 80, 60] };
    expect(criteriaProblem(flat)).toBe('星级分数线应从五星到二星依次降低');
    expect(criteriaProblem({ ...criteria, thresholds: [120, 80, 70, 60] })).toBe('星级分数线应为 0 到 100 的整数');
  });

  it('posts a decision for the committee’s days', () => {
    expect(postingEnds(new Date('2026-12-01T02:00:00.000Z'), criteria)).toBe('2026-12-08T02:00:00.000Z');
  });

  it('counts a month on the day after it ends, and not before the branch existed', () => {
    // One monthly obligation, met in even months only.
    const evaluate = (day: string) => [
      {
        status: Number(day.slice(5, 7)) % 2 === 0 ? 'done' : 'due',
        dueDate: day,
        required: 1,
        held: Number(day.slice(5, 7)) % 2 === 0 ? 1 : 0,
        period: day.slice(0, 7),
        every: 'month' as const,
      },
    ];
    const firstDay = (_every: 'month' | 'quarter' | 'year', day: string) => `${day.slice(0, 7)}-01`;
    expect(yearCadenceShare(2030, '2030-04-30', null, evaluate, firstDay)).toBe(0.333);
    expect(yearCadenceShare(2030, '2030-05-01', null, evaluate, firstDay)).toBe(0.5);
    expect(yearCadenceShare(2030, '2031-01-01', '2030-03-15', evaluate, firstDay)).toBe(0.556);
    expect(yearCadenceShare(2030, '2030-01-31', null, evaluate, firstDay)).toBeNull();
  });
});
