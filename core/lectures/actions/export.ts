import { lectureSchemas, type LectureOutputs } from '../../../contracts/lecture';
import { buildLectureStats } from '../lecture-sheet';
import { action } from '../../runtime/dispatch';
import { loadTree } from '../../shared/caller';
import { loadSameNameTags } from '../../shared/same-name';
import { lectureProgressOf, summarise } from './stats';

/** A lecture's learning as an Excel sheet: an action of the `sheets` function, over the same figures as `stats`. */
export const exportStats = action(
  lectureSchemas.exportStats,
  async (ctx, input): Promise<LectureOutputs['exportStats']> => {
    const { lecture, items, orgName } = await lectureProgressOf(ctx, input.id, input.orgId);
    const counts = summarise(items);
    const tags = await loadSameNameTags(ctx.store, await loadTree(ctx), items);
    const title = `${orgName} ${lecture.title} 学习情况`;
    const content = await buildLectureStats(
      { org: orgName, lecture: lecture.title, exportedAt: ctx.clock() },
      items.map((i) => ({ ...i, tag: tags.get(i.memberId) ?? '' })),
      [
        ['应学人数', counts.expected],
        ['已开始', counts.started],
        ['未开始', counts.expected - counts.started],
        ['已完成', counts.completed],
        ['完成率', { kind: 'percent', value: counts.expected ? counts.completed / counts.expected : null }],
        ...(lecture.quiz ? ([['测验通过', counts.passed]] as Array<[string, number]>) : []),
      ],
    );
    const name = `${title}.xlsx`;
    const { fileID, url } = await ctx.files.publish(name, content);
    return { fileID, url, name };
  },
);
