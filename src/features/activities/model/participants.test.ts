import { choosableByKind, everyoneLabel, expectedByKind } from './participants';

const m = (id: string, partyStatus: 'full' | 'probationary' | 'candidate' | 'activist' | 'applicant') => ({
  id,
  partyStatus,
});
const MEMBERS = [m('a', 'full'), m('b', 'probationary'), m('c', 'candidate'), m('d', 'activist'), m('e', 'applicant')];
const ids = (list: Array<{ id: string }>) => list.map((x) => x.id).join('');

describe('whom the activity form offers', () => {
  it.each([
    ['theme_day', 'abcd', 'abcde', '全体党员、发展对象和积极分子（4 人）'],
    ['party_lecture', 'abcd', 'abcde', '全体党员、发展对象和积极分子（4 人）'],
    ['party_congress', 'ab', 'abcd', '全体在册党员（2 人）'],
    ['committee', 'ab', 'ab', '全体在册党员（2 人）'],
    ['life_meeting', 'ab', 'ab', '全体在册党员（2 人）'],
    ['other', 'ab', 'abcde', '全体在册党员（2 人）'],
    ['', 'ab', 'abcde', '全体在册党员（2 人）'],
  ] as const)('%s: 全体 %s, the checklist %s', (kind, everyone, choosable, label) => {
    expect(ids(expectedByKind(MEMBERS, kind))).toBe(everyone);
    expect(ids(choosableByKind(MEMBERS, kind))).toBe(choosable);
    expect(everyoneLabel(expectedByKind(MEMBERS, kind))).toBe(label);
  });
});
