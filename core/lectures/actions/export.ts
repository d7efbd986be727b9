import { lectureSchemas, type LectureOutputs } from '../../../contracts/lecture';
import { formatChinaDateTime } from '../../shared/china-time';
import { buildLectureStats } from '../lecture-sheet';
import { action } from '../../runtime/dispatch';
import { lectureProgressOf, summarise } from './stats';

/** A lecture's learning as an Excel sheet: an action of the `sheets` function, over the same figures as `stats`. */
export const exportStats = action(
  lectureSchemas.exportStats,
  async (ctx, input): Promise<LectureOutputs['exportStats']> => {
    const { lecture, items, orgName } = await lectureProgressOf(ctx, input.id, input.orgId);
    const counts = summarise(items);
    const title = `${orgName} ${lecture.title} 学习情况`;
    const content = await buildLectureStats(
      title,
      items.map((i) => ({
        name: i.name,
        progress: `${i.progressPercent}%`,
        completed: i.completed ? '完成' : '未完成',
        quiz: i.quizPassed === null ? '—' : i.quizPassed ? '已通过' : '未通过',
        watchedAt: i.watchedAt ? formatChinaDateTime(new Date(i.watchedAt)) : '',
      })),
      [
        ['课程', lecture.title],
        ['应学人数', counts.expected],
        ['已开始', counts.started],
        ['已完成', counts.completed],
        ...(lecture.quiz ? ([['测验通过', counts.passed]] as Array<[string, number]>) : []),
      ],
    );
    const name = `${title}.xlsx`;
    const { fileID, url } = await ctx.files.publish(name, content);
    return { fileID, url, name };
  },
);
