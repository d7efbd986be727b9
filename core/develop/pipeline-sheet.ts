import { addPrintableSheet, newWorkbook, workbookBytes } from '../shared/printable-sheet';
import type { PipelineDetail } from './actions/pipeline';

const STAGE_MARKS = ['①', '②', '③', '④', '⑤'];
/** The stages' headers, short enough for a column: ① … ⑤ as the 发展党员 page numbers them. */
export const STAGE_HEADERS = ['入党申请', '入党积极分子', '发展对象', '接收预备党员', '教育考察和转正'].map(
  (name, i) => `${STAGE_MARKS[i]} ${name}`,
);

/**
 * The committee's 发展党员 pipeline as a printable workbook: `各支部`, a row per branch with its open
 * files by stage, the overdue and the 转正 due by the month's end, with totals; `超期和到期转正`, the
 * people behind those two figures, the overdue first (longest overdue first), then by 预备期满.
 */
export async function buildPipelineSheet(detail: PipelineDetail, exportedAt: Date): Promise<Buffer> {
  const committee = detail.committee.name;
  const title = `${committee} 发展党员情况`;
  const workbook = newWorkbook(title);
  const dueByBranch = new Map<string, number>();
  for (const person of detail.dueForFull) dueByBranch.set(person.orgId, (dueByBranch.get(person.orgId) ?? 0) + 1);
  const dueFacts = [`到期转正：预备期满不晚于 ${detail.monthEnd}`];
  addPrintableSheet(workbook, {
    name: '各支部',
    title,
    org: committee,
    facts: dueFacts,
    exportedAt,
    columns: [
      { header: '党支部', key: 'branch', width: 22 },
      ...STAGE_HEADERS.map((header, i) => ({
        header,
        key: `stage${i + 1}`,
        width: 11,
        kind: 'integer' as const,
        total: true,
      })),
      { header: '合计', key: 'total', width: 8, kind: 'integer', total: true },
      { header: '超期', key: 'overdue', width: 8, kind: 'integer', total: true },
      { header: '本月到期转正', key: 'dueForFull', width: 11, kind: 'integer', total: true },
    ],
    rows: detail.branches.map((branch) => ({
      branch: branch.name,
      ...Object.fromEntries(branch.stages.map((n, i) => [`stage${i + 1}`, n])),
      total: branch.total,
      overdue: branch.overdue,
      dueForFull: dueByBranch.get(branch.orgId) ?? 0,
    })),
    totalsLabel: '合计',
  });
  const people = [
    ...detail.overdue.map((person) => ({ ...person, reason: '已超期' })),
    ...detail.dueForFullPeople.map((person) => ({ ...person, reason: '本月预备期满' })),
  ];
  addPrintableSheet(workbook, {
    name: '超期和到期转正',
    title: `${committee} 发展党员超期和到期转正人员`,
    org: committee,
    facts: dueFacts,
    exportedAt,
    columns: [
      { header: '情况', key: 'reason', width: 13 },
      { header: '姓名', key: 'name', width: 10 },
      { header: '党支部', key: 'branch', width: 20 },
      { header: '阶段', key: 'stage', width: 26 },
      { header: '下一步', key: 'next', width: 26 },
      { header: '到期日期', key: 'due', width: 12, kind: 'date' },
    ],
    rows: people.map((person) => ({
      reason: person.reason,
      name: person.name,
      branch: person.orgName,
      stage: `${STAGE_MARKS[person.stage - 1]} ${person.stageName}`,
      next: person.nextStepName ?? '',
      due: person.due,
    })),
    footer: people.length ? undefined : ['没有超期或本月到期转正的人员。'],
  });
  return workbookBytes(workbook);
}
