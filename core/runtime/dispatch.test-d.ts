/**
 * Type tests, checked by `tsc` and never run: each `@ts-expect-error` marks a violation of the
 * contract that must not compile. Were `defineFunction` to accept one, the directive would be
 * unused and `tsc` would fail.
 */
import { z } from 'zod';
import { identitySchemas, type FunctionName, type IdentityCard, type Outputs, type Schemas } from '../../contracts';
import type { OwnAction, SheetAction } from '../../contracts/deployment';
import {
  action,
  defineFunction,
  defineSheets,
  defineSheetsFunction,
  type ContractActions,
  type ContractFunction,
  type Sheets,
} from './dispatch';

declare const complete: ContractActions<'identity'>;
declare const aCard: IdentityCard;

/** Exactly the contract's actions compiles, and the function knows their names. */
export const identity: ContractFunction<'identity'> = defineFunction('identity', complete);
export const names: readonly (
  'me' | 'declare' | 'withdraw' | 'listDeclarations' | 'review' | 'card' | 'consentNotice' | 'myData'
)[] = identity.actions;
export const replaced = defineFunction('identity', {
  ...complete,
  card: action(identitySchemas.card, async () => aCard),
});

const { card: _card, ...withoutCard } = complete;
// @ts-expect-error A missing action: `card`.
export const missing = defineFunction('identity', withoutCard);
// @ts-expect-error An action the contract does not list, in a literal.
export const extraInLiteral = defineFunction('identity', { ...complete, drop: action(z.unknown(), async () => 1) });
const withExtra = { ...complete, drop: action(z.unknown(), async () => 1) };
// @ts-expect-error An action the contract does not list, in a map built elsewhere.
export const extraInMap = defineFunction('identity', withExtra);
export const wrongSchema = defineFunction('identity', {
  ...complete,
  // @ts-expect-error Another action's schema as `card`'s input.
  card: action(identitySchemas.review, async () => aCard),
});
export const wrongOutput = defineFunction('identity', {
  ...complete,
  // @ts-expect-error An output `IdentityOutputs['card']` does not promise.
  card: action(identitySchemas.card, async () => ({ ...aCard, name: 1 })),
});
export const partialOutput = defineFunction('identity', {
  ...complete,
  // @ts-expect-error An output missing a field.
  card: action(identitySchemas.card, async () => ({ name: aCard.name })),
});
// @ts-expect-error A function the contracts do not define.
export const unknownFunction = defineFunction('toy', complete);

/** Every function's schemas and outputs name the same actions: `ActionName` drops none silently. */
type OnlyOnOneSide<F extends FunctionName> =
  Exclude<keyof Schemas[F], keyof Outputs[F]> | Exclude<keyof Outputs[F], keyof Schemas[F]>;
export const contractsAgree: [{ [F in FunctionName]: OnlyOnOneSide<F> }[FunctionName]] extends [never] ? true : false =
  true;

/**
 * An action that reads or writes Excel is served by `sheets` (contracts/deployment.ts): its
 * contract's function may not define it, `sheets` may define nothing else.
 */
declare const pointsOwn: ContractActions<'points', OwnAction<'points'>>;
declare const pointsExcel: ContractActions<'points', SheetAction<'points'>>;
export const pointsFunction = defineFunction('points', pointsOwn);
// @ts-expect-error `points.export` belongs to `sheets`, not to `points`.
export const pointsWithExcel = defineFunction('points', { ...pointsOwn, ...pointsExcel });
export const pointsSheets = defineSheets('points', pointsExcel);
// @ts-expect-error An action without Excel (`ranking`) in `sheets`.
export const sheetsWithRanking = defineSheets('points', { ...pointsExcel, ranking: pointsOwn.ranking });
// @ts-expect-error A missing Excel action.
export const sheetsMissing = defineSheets('points', {});
// @ts-expect-error `identity` has no Excel action.
export const identitySheets = defineSheets('identity', {});
declare const rosterSheets: Sheets<'roster'>;
declare const activitySheets: Sheets<'activity'>;
declare const lectureSheets: Sheets<'lecture'>;
declare const taskSheets: Sheets<'tasks'>;
declare const developSheets: Sheets<'develop'>;
export const sheets = defineSheetsFunction({
  roster: rosterSheets,
  points: pointsSheets,
  activity: activitySheets,
  lecture: lectureSheets,
  tasks: taskSheets,
  develop: developSheets,
});
export const sheetsMixedUp = defineSheetsFunction({
  roster: rosterSheets,
  // @ts-expect-error Another contract's sheets in the slot of `points`.
  points: rosterSheets,
  activity: activitySheets,
  lecture: lectureSheets,
  tasks: taskSheets,
  develop: developSheets,
});
// @ts-expect-error The sheets of `lecture` left out.
export const sheetsIncomplete = defineSheetsFunction({
  roster: rosterSheets,
  points: pointsSheets,
  activity: activitySheets,
});
