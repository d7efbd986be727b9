import { defineFunction } from '../runtime/dispatch';
import { declare, listDeclarations, review, withdraw } from './actions/declarations';
import { card, me } from './actions/me';
import { consentNotice, myData } from './actions/my-data';

/** The `identity` cloud function: 亮身份 declarations and their review, the caller's profile and card, 我的数据. */
export const identityFunction = defineFunction('identity', {
  me,
  declare,
  withdraw,
  listDeclarations,
  review,
  card,
  consentNotice,
  myData,
});
