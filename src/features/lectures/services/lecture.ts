/** Typed calls to the `lecture` function: the catalogue, watching (heartbeats), quizzes and statistics. */
import type { ActionInput, LectureKind } from '@contracts';
import { call } from '@/services/client';

export const listLectures = (input: { kind?: LectureKind; query?: string; page?: number; pageSize?: number } = {}) =>
  call('lecture', 'list', input);
export const getLecture = (id: string) => call('lecture', 'get', { id });
/** Reports the player's position; the server credits only time that really passed. */
export const sendHeartbeat = (id: string, position: number, playing: boolean, session: string) =>
  call('lecture', 'heartbeat', { id, position, playing, session });
export const submitQuiz = (id: string, answers: Record<string, string | string[]>) =>
  call('lecture', 'submitQuiz', { id, answers });
export const getLectureStats = (id: string, orgId: string) => call('lecture', 'stats', { id, orgId });
export const remindUnfinished = (id: string, orgId: string) => call('lecture', 'remind', { id, orgId });
export const exportLectureStats = (id: string, orgId: string) => call('lecture', 'exportStats', { id, orgId });
export const getMemberStudyStats = (orgId: string, date?: string) =>
  call('lecture', 'memberStats', { orgId, ...(date ? { date } : {}) });
export const listManagedLectures = (orgId: string) => call('lecture', 'manage', { orgId });
export const createLecture = (input: ActionInput<'lecture', 'create'>) => call('lecture', 'create', input);
export const setLecturePublished = (id: string, published: boolean) =>
  call('lecture', 'setPublished', { id, published });
