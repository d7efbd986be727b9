import { criteriaForm, criteriaFromForm, decisionStatus, ratingReasonError, starsText } from './rating';

const criteria = {
  weights: { cadence: 40, attendance: 25, study: 20, declared: 15 },
  thresholds: [90, 80, 70, 60] as [number, number, number, number],
  postingDays: 7,
};

describe('评星定级 on the page', () => {
  it('draws stars out of five and says how long a decision is posted, in China time', () => {
    expect([starsText(5), starsText(3), starsText(1)]).toEqual(['★★★★★', '★★★☆☆', '★☆☆☆☆']);
    // 16:30 UTC on 9 December is already 10 December in China.
    expect(decisionStatus({ status: 'posting', publicUntil: '2026-12-09T16:30:00.000Z' })).toBe('公示中，至12月10日');
    expect(decisionStatus({ status: 'final', publicUntil: '2026-12-09T16:30:00.000Z' })).toBe('已确定');
  });

  it('asks for a reason', () => {
    expect(ratingReasonError(' ')).toContain('评定理由');
    expect(ratingReasonError('三会一课坚持较好')).toBeUndefined();
  });

  it('reads the criteria form back, and says what is wrong as the server would', () => {
    const form = criteriaForm(criteria);
    expect(criteriaFromForm(form)).toEqual(criteria);
    expect(criteriaFromForm({ ...form, study: '21' })).toBe('各项权重之和应为 100');
    expect(criteriaFromForm({ ...form, study: '二十' })).toBe('各项权重应为 0 到 100 的整数');
    expect(criteriaFromForm({ ...form, three: '85' })).toBe('星级分数线应从五星到二星依次降低');
    expect(criteriaFromForm({ ...form, two: '' })).toBe('星级分数线应为 0 到 100 的整数');
    expect(criteriaFromForm({ ...form, postingDays: '0' })).toBe('公示天数应为 1 到 30 的整数');
  });
});
