import { lectureSchemas, type LectureCounts, type LectureOutputs } from '../../../contracts/lecture';
import type { TypedCell } from '../../shared/printable-sheet';
import { buildLectureStats } from '../lecture-sheet';
import { action } from '../../runtime/dispatch';
import { loadTree } from '../../shared/caller';
import { loadSameNameTags } from '../../shared/same-name';
import { lectureProgressOf, summarise } from './stats';
import { PARTY_STATUS_LABELS } from '../../../contracts/labels/common';

/** 发展对象 and 积极分子 on the sheet: apart from the Party members' figures, in no rate. */
const onTheWayRow = (w: LectureCounts): [string, TypedCell] => [
  '发展对象、积极分子已完成（不计入完成率）',
  { kind: 'text', value: `${w.completed} / ${w.expected}` },
];

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
      items.map((i) => ({
        ...i,
        tag: tags.get(i.memberId) ?? '',
        identity: i.partyStatus ? PARTY_STATUS_LABELS[i.partyStatus] : '党员',
      })),
      [
        ['应学人数', counts.expected],
        ['已开始', counts.started],
        ['未开始', counts.expected - counts.started],
        ['已完成', counts.completed],
        ['完成率', { kind: 'percent', value: counts.expected ? counts.completed / counts.expected : null }],
        ...(lecture.quiz ? ([['测验通过', counts.passed]] as Array<[string, number]>) : []),
        // The figures above are the Party members'; 发展对象 and 积极分子 apart, in no rate.
        ...(counts.onTheWay ? [onTheWayRow(counts.onTheWay)] : []),
      ],
    );
    const name = `${title}.xlsx`;
    const { fileID, url } = await ctx.files.publish(name, content);
    return { fileID, url, name };
  },
);
