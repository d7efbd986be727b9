import { defineFunction } from '../runtime/dispatch';
import { exportPoints } from './actions/export';
import { entries, record, reverse } from './actions/ledger';
import { object, objections, resolveObjection } from './actions/objections';
import { branchRanking, mine, ranking } from './actions/ranking';
import { rules, updateRules } from './actions/rules';
import { selfAwards } from './actions/self-awards';
import { rebuild, verify } from './actions/verify';

/** The `points` cloud function: the ledger and its rules, rankings, objections, exports and checks. */
export const pointsFunction = defineFunction('points', {
  rules,
  record,
  reverse,
  mine,
  ranking,
  entries,
  export: exportPoints,
  branchRanking,
  verify,
  rebuild,
  object,
  objections,
  resolveObjection,
  updateRules,
  selfAwards,
});
