/**
 * 积分排名 by category (issue 15): what the secretary's ranking says when a category has nobody (the
 * categories themselves are the roster's too: utils/status-categories). Pure: no Taro.
 */
import { statusCategory, type StatusCategory } from '@/utils/status-categories';

/** The empty ranking under a category other than 全部: who is missing, and where they come from. */
export function categoryEmpty(key: StatusCategory): { title: string; description: string } | null {
  if (key === 'all') return null;
  if (key === 'members') return { title: '没有党员', description: '正式党员和预备党员会显示在这里。' };
  return {
    title: `没有${statusCategory(key).label}`,
    description: '入党申请人、入党积极分子和发展对象由“发展党员”建档后列入花名册，按党委规则参加积分。',
  };
}
