import type { MyData } from '../../contracts/my-data';
import { buildMyData } from './my-data-sheet';
import { createHarness } from '../../tests/support/harness';
import { OFFICER } from '../../tests/support/demo';
import { canPrint, expectPrintable, linesOf, openWorkbook, printAll, rowValues } from '../shared/__tests__/printed';

let content: Buffer;
let data: MyData;

beforeAll(async () => {
  const h = await createHarness();
  data = await h.call(OFFICER, 'identity', 'myData');
  h.close();
  content = await buildMyData(data);
});

describe('我的数据 export', () => {
  it('titles every sheet with the member, the branch and the date; dates and times are date cells', async () => {
    const book = await openWorkbook(content);
    const profile = book.getWorksheet('基本信息');
    if (!profile) throw new Error('no 基本信息');
    expectPrintable(profile, '我的数据（王志强）：基本信息', ['项目', '内容']);
    expect(profile.getCell('A2').value).toBe('单位：第一党支部　　导出日期：2026-11-23');
    expect(rowValues(profile, 4)).toEqual(['导出时间', new Date('2026-11-23T10:00:00.000Z')]);
    expect(profile.getCell('B4').numFmt).toBe('yyyy-mm-dd hh:mm');
    const joined = profile.getColumn(1).values.indexOf('入党日期');
    expect(profile.getCell(joined, 2).value).toEqual(new Date(`${data.member?.joinedAt}T00:00:00.000Z`));
    expect(profile.getCell(joined, 2).numFmt).toBe('yyyy-mm-dd');
    const points = book.getWorksheet('积分明细');
    if (!points) throw new Error('no 积分明细');
    expectPrintable(points, '我的数据（王志强）：积分明细', ['时间', '积分项目', '分值', '原因', '备注']);
    expect(points.getCell('A4').value).toBeInstanceOf(Date);
    expect(rowValues(points, 4 + data.points.length).slice(0, 3)).toEqual([
      '合计',
      undefined,
      data.points.reduce((sum, p) => sum + p.value, 0),
    ]);
  });

  const withPrinter = canPrint() ? it : it.skip;
  withPrinter('prints on A4 landscape: the title, the header and the member’s name on page 1', () => {
    const printed = printAll({ myData: content }).get('myData');
    if (!printed) throw new Error('not printed');
    expect([Math.round(printed.width), Math.round(printed.height)]).toEqual([842, 595]);
    expect(linesOf(printed.page(1)).slice(0, 5)).toEqual([
      '我的数据（王志强）：基本信息',
      '单位：第一党支部 导出日期：2026-11-23',
      '项目 内容',
      '导出时间 2026-11-23 10:00',
      '姓名 王志强',
    ]);
    expect(linesOf(printed.page(2))[0]).toBe('我的数据（王志强）：亮身份申报');
  });
});
