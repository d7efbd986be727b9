import { activitySheets } from '../activities/sheets';
import { developSheets } from '../develop/sheets';
import { lectureSheets } from '../lectures/sheets';
import { pointsSheets } from '../points/sheets';
import { rosterSheets } from '../roster/sheets';
import { defineSheetsFunction } from '../runtime/dispatch';
import { taskSheets } from '../tasks/sheets';

/**
 * The one cloud function that reads and writes Excel: every contract's Excel actions, with the same
 * schemas, handlers and permission checks, so that the other functions carry no exceljs.
 */
export const sheetsFunction = defineSheetsFunction({
  roster: rosterSheets,
  points: pointsSheets,
  activity: activitySheets,
  lecture: lectureSheets,
  tasks: taskSheets,
  develop: developSheets,
});
