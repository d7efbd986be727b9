import { lockedNote } from './lecture-manage-list';

describe('发布课程: the locked note is said once', () => {
  it('nothing when the caller manages every lecture', () => {
    expect(lockedNote([])).toBeNull();
    expect(lockedNote([{ canManage: true }, { canManage: true }])).toBeNull();
  });

  it('names how many when only some are locked, and all of them otherwise', () => {
    expect(lockedNote([{ canManage: true }, { canManage: false }, { canManage: false }])).toBe(
      '开关为灰色的 2 门课程发布到了您管理范围以外的组织，由上级管理员发布或下架。',
    );
    expect(lockedNote([{ canManage: false }, { canManage: false }])).toBe(
      '以下课程发布到了您管理范围以外的组织，由上级管理员发布或下架。',
    );
  });
});
