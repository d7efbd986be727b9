/** 发布课程's list: what it says once about locked lectures. Pure: no Taro. */
import type { LectureManageItem } from '@contracts';

/**
 * Said once above the list when any lecture is locked (published beyond the caller's scope), instead
 * of on every card; null when none is.
 */
export function lockedNote(items: Array<Pick<LectureManageItem, 'canManage'>>): string | null {
  const locked = items.filter((i) => !i.canManage).length;
  if (!locked) return null;
  const which = locked === items.length ? '以下课程' : `开关为灰色的 ${locked} 门课程`;
  return `${which}发布到了您管理范围以外的组织，由上级管理员发布或下架。`;
}

/** The card's small tag on a locked lecture (the note above explains it). */
export const LOCKED_TAG = '上级发布';
