import { defineFunction } from '../runtime/dispatch';
import { create, manage, setPublished } from './actions/manage';
import { remind } from './actions/remind';
import { memberStats, stats } from './actions/stats';
import { get, heartbeat, list, submitQuiz } from './actions/watch';

/** The `lecture` cloud function: 微党课 and education films, verified watch time, quizzes and statistics. */
export const lectureFunction = defineFunction('lecture', {
  list,
  get,
  heartbeat,
  submitQuiz,
  stats,
  memberStats,
  manage,
  create,
  setPublished,
  remind,
});
