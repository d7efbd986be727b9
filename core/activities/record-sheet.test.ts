import type { MeetingRecordView } from '../../contracts/activity';
import { buildMeetingRecord, linesFor, recordRows } from './record-sheet';
import { canPrint, linesOf, openWorkbook, printAll } from '../shared/__tests__/printed';

/** A variable, not a literal in VIEW: fields ActivityView may gain need not be listed here. */
const ACTIVITY = {
  id: 'a1',
  orgId: 'org-branch-1',
  orgName: '第一党支部',
  branchId: 'org-branch-1',
  branchName: '第一党支部',
  kind: 'party_congress' as const,
  kindLabel: '支部党员大会',
  title: '第四季度支部党员大会',
  startAt: '2026-11-23T02:10:00.000Z',
  endAt: '2026-11-23T03:40:00.000Z',
  signInFrom: '2026-11-23T01:40:00.000Z',
  signInUntil: '2026-11-23T02:40:00.000Z',
  graceMinutes: 5,
  place: { name: '党群服务中心二楼会议室', lat: 31.2, lng: 121.4, radius: 300 },
  notes: '',
  rule: 'org_life',
  ruleName: '参加组织生活',
  points: 2,
  awardsPoints: true,
  noPointsReason: null,
  phase: 'closed' as const,
  expectedCount: 18,
  cancelReason: null,
  closedAt: '2026-11-23T03:50:00.000Z',
};

const VIEW: MeetingRecordView = {
  activity: ACTIVITY,
  record: {
    host: '李红梅',
    recorder: '王志强',
    topics: '一、传达学习全会精神\n二、讨论孙浩然同志转正申请',
    summary: `${'李红梅同志传达了全会精神，与会党员结合本职工作逐一发言，'.repeat(12)}会议气氛热烈。`,
    decisions: '同意孙浩然同志按期转正',
    vote: { for: 9, against: 0, abstain: 1 },
    updatedAt: '2026-11-23T05:00:00.000Z',
    updatedByName: '李红梅',
  },
  attendance: {
    expected: 18,
    present: ['陈秀英', '冯淑珍', '高玉兰', '郭德胜', '何俊杰', '李红梅', '刘洋', '马建华', '王志强'],
    late: ['赵丽娟'],
    leave: ['孙浩然'],
    exempt: ['沈玉珍'],
    absent: ['梁宏伟', '罗静', '钱立新', '宋佳怡', '吴桂兰', '郑国强'],
  },
  quorum: { voters: 15, present: 10, reached: true },
  passed: true,
  held: true,
  canEdit: true,
};

describe('会议记录 sheet', () => {
  it('label and value rows: attendance by name, the quorum and the vote in words', () => {
    const rows = new Map(recordRows(VIEW));
    expect([...rows.keys()]).toEqual([
      '会议名称',
      '会议类型',
      '会议时间',
      '会议地点',
      '主持人',
      '记录人',
      '出席情况',
      '出席人员',
      '迟到人员',
      '请假人员',
      '免参加人员',
      '缺席人员',
      '法定人数',
      '议题',
      '内容摘要',
      '决议',
      '表决结果',
    ]);
    expect(rows.get('会议时间')).toBe('2026-11-23 10:10–11:40');
    expect(rows.get('出席情况')).toBe('应到 18 人，出席 9 人，迟到 1 人，请假 1 人，免参加 1 人，缺席 6 人');
    expect(rows.get('法定人数')).toBe('有表决权的正式党员 15 人，到会 10 人，超过半数，符合开会人数要求');
    expect(rows.get('表决结果')).toBe('赞成 9 票，反对 0 票，弃权 1 票；赞成票超过有表决权党员（15 人）的半数，通过');
  });

  it('another kind of meeting has no quorum or vote rows; empty lists say 无', () => {
    const rows = new Map(
      recordRows({
        ...VIEW,
        activity: { ...VIEW.activity, kind: 'committee', kindLabel: '支委会' },
        record: VIEW.record ? { ...VIEW.record, vote: null, decisions: null } : null,
        attendance: { ...VIEW.attendance, late: [], exempt: [] },
        quorum: null,
        passed: null,
      }),
    );
    expect(rows.has('法定人数')).toBe(false);
    expect(rows.has('表决结果')).toBe(false);
    expect(rows.has('免参加人员')).toBe(false);
    expect([rows.get('迟到人员'), rows.get('决议')]).toEqual(['无', '无']);
  });

  it('rows are tall enough for their wrapped text', async () => {
    expect(linesFor('短')).toBe(1);
    expect(linesFor('一\n二')).toBe(2);
    expect(linesFor('字'.repeat(70))).toBe(2);
    const sheet = (await openWorkbook(await buildMeetingRecord(VIEW, new Date('2026-11-23T06:00:00.000Z'))))
      .worksheets[0];
    expect(sheet.getCell('A1').value).toBe('第四季度支部党员大会 会议记录');
    expect(sheet.getCell('A2').value).toBe('单位：第一党支部　　导出日期：2026-11-23');
    let summaryRow = 0;
    sheet.eachRow((row, n) => {
      if (row.getCell(1).value === '内容摘要') summaryRow = n;
    });
    expect(sheet.getRow(summaryRow).height).toBeGreaterThanOrEqual(linesFor(VIEW.record?.summary ?? '') * 15);
    expect(sheet.getCell(`B${summaryRow}`).alignment).toMatchObject({ wrapText: true });
  });

  const withPrinter = canPrint() ? it : it.skip;
  withPrinter(
    'LibreOffice prints it on one A4 portrait page, every part readable, the signatures at the foot',
    async () => {
      const printed = printAll({ record: await buildMeetingRecord(VIEW, new Date('2026-11-23T06:00:00.000Z')) });
      const page = printed.get('record');
      if (!page) throw new Error('not printed');
      expect([Math.round(page.width), Math.round(page.height), page.pages]).toEqual([595, 842, 1]);
      const text = linesOf(page.page(1)).join('\n');
      expect(linesOf(page.page(1))[0]).toBe('第四季度支部党员大会 会议记录');
      for (const part of [
        '主持人 李红梅',
        '记录人 王志强',
        '出席人员 陈秀英、冯淑珍、高玉兰、郭德胜、何俊杰、李红梅、刘洋、马建华、王志强',
        '法定人数 有表决权的正式党员 15 人，到会 10 人，超过半数，符合开会人数要求',
        '二、讨论孙浩然同志转正申请',
        '会议气氛热烈。',
        '决议 同意孙浩然同志按期转正',
        '主持人签字： 记录人签字：',
      ])
        expect(text).toContain(part);
    },
  );
});
