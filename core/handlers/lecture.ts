import { defineFunction } from '../runtime/dispatch';
import { manageLectureActions } from './lecture-manage';
import { statsActions } from './lecture-stats';
import { watchActions } from './lecture-watch';

/** The `lecture` cloud function: 微党课 and education films, verified watch time, quizzes and statistics. */
export const lectureFunction = defineFunction('lecture', {
  ...watchActions,
  ...statsActions,
  ...manageLectureActions,
});
