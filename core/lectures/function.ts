import { defineFunction } from '../runtime/dispatch';
import { manageLectureActions } from './actions/manage';
import { statsActions } from './actions/stats';
import { watchActions } from './actions/watch';

/** The `lecture` cloud function: 微党课 and education films, verified watch time, quizzes and statistics. */
export const lectureFunction = defineFunction('lecture', {
  ...watchActions,
  ...statsActions,
  ...manageLectureActions,
});
