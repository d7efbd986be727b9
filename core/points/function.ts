import { defineFunction } from '../runtime/dispatch';
import { entries, record, reverse } from './actions/ledger';
import { object, objections, resolveObjection } from './actions/objections';
import { branchRanking, mine, ranking } from './actions/ranking';
import { rules, updateRules } from './actions/rules';
import { selfAwards } from './actions/self-awards';
import { rebuild, verify } from './actions/verify';

/** The `points` cloud function: the ledger and its rules, rankings, objections and checks (its export: `sheets`). */
export const pointsFunction = defineFunction('points', {
  rules,
  record,
  reverse,
  mine,
  ranking,
  entries,
  branchRanking,
  verify,
  rebuild,
  object,
  objections,
  resolveObjection,
  updateRules,
  selfAwards,
});
