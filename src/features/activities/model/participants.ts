/**
 * Whom the activity form offers, by the activity's kind (contracts/labels/participation.ts): 全体
 * is everyone the kind expects (Party members, and 发展对象 and 积极分子 where it expects them); the
 * checklist adds those it only welcomes (chosen, they come as 列席) and leaves out those it refuses.
 * Pure: no Taro.
 */
import type { ActivityKind, RosterMember } from '@contracts';
import { participationOf } from '@contracts/labels/participation';

type Member = Pick<RosterMember, 'id' | 'partyStatus'>;

/** No kind chosen yet (''): as 其他, the Party members expected, everyone else welcome. */
type Kind = ActivityKind | '';

/** Everyone the kind expects: the form's 全体. */
export const expectedByKind = <M extends Member>(members: M[], kind: Kind): M[] =>
  members.filter((m) => participationOf(kind || 'other', m.partyStatus) === 'expected');

/** Everyone who may be chosen: all but those the kind refuses. */
export const choosableByKind = <M extends Member>(members: M[], kind: Kind): M[] =>
  members.filter((m) => participationOf(kind || 'other', m.partyStatus) !== 'refused');

/** 全体在册党员（18 人）, or, with people on the way among them, 全体党员、发展对象和积极分子（20 人）. */
export function everyoneLabel(everyone: Member[]): string {
  const way = everyone.some((m) => m.partyStatus !== 'full' && m.partyStatus !== 'probationary');
  return `${way ? '全体党员、发展对象和积极分子' : '全体在册党员'}（${everyone.length} 人）`;
}
