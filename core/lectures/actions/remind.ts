import { lectureSchemas, type LectureOutputs } from '../../../contracts/lecture';
import { notifyAll } from '../../notices';
import { chinaDate } from '../../shared/china-time';
import { action } from '../../runtime/dispatch';
import { conflict } from '../../runtime/errors';
import { loadCaller, loadTree, requirePermission } from '../../shared/caller';
import { lectureProgressOf } from './stats';

/**
 * 提醒未学习: a 消息 to each member of the org who has not finished a published lecture; each
 * member is told once a day however often the secretary taps.
 */
export const remind = action(lectureSchemas.remind, async (ctx, input): Promise<LectureOutputs['remind']> => {
  // Statistics are for lecture.read; telling members is for those who manage lectures.
  const [caller, tree] = await Promise.all([loadCaller(ctx), loadTree(ctx)]);
  requirePermission(caller, tree, 'lecture.manage', input.orgId);
  const { lecture, items } = await lectureProgressOf(ctx, input.id, input.orgId);
  if (!lecture.published) throw conflict('课程未发布，发布后再提醒学习');
  const unfinished = items.filter((item) => !item.completed).map((item) => item.memberId);
  const now = ctx.clock();
  const notified = await notifyAll(ctx.store, unfinished, {
    kind: 'lecture.remind',
    title: `请学习微党课《${lecture.title}》`,
    link: `/packages/member/pages/lecture/index?id=${lecture._id}`,
    key: `lecture.remind:${lecture._id}:${chinaDate(now)}`,
    at: now.toISOString(),
  });
  return { unfinished: unfinished.length, notified };
});
