/** Typed calls to the `activity` function: activities, sign-in, leave, closing and attendance. */
import type { ActionInput, CheckinEntry } from '@contracts';
import { call } from '@/services/client';

export const createActivity = (input: ActionInput<'activity', 'create'>) => call('activity', 'create', input);
export const updateActivity = (input: ActionInput<'activity', 'update'>) => call('activity', 'update', input);
export const remindNotSignedIn = (id: string) => call('activity', 'remind', { id });
export const cancelActivity = (id: string, reason: string) => call('activity', 'cancel', { id, reason });
export const listActivities = (input: ActionInput<'activity', 'list'>) => call('activity', 'list', input);
export const getMyActivities = (scope: 'upcoming' | 'past' = 'upcoming', page = 1, pageSize = 20) =>
  call('activity', 'mine', { scope, page, pageSize });
export const getActivity = (id: string) => call('activity', 'get', { id });
export const getActivityCode = (id: string) => call('activity', 'code', { id });
export const checkIn = (token: string, entry?: CheckinEntry, location?: { lat: number; lng: number }) =>
  call('activity', 'checkin', { token, ...(entry ? { entry } : {}), ...(location ? { location } : {}) });
export const scanMemberCode = (id: string, token: string) => call('activity', 'scanMember', { id, token });
export const manualCheckIn = (id: string, memberId: string, reason: string) =>
  call('activity', 'manualCheckin', { id, memberId, reason });
export const undoCheckIn = (id: string, memberId: string, reason: string) =>
  call('activity', 'undoCheckin', { id, memberId, reason });
export const requestLeave = (id: string, reason: string) => call('activity', 'requestLeave', { id, reason });
export const withdrawLeave = (id: string) => call('activity', 'withdrawLeave', { id });
export const reviewLeave = (id: string, memberId: string, decision: 'approve' | 'reject', note?: string) =>
  call('activity', 'reviewLeave', { id, memberId, decision, ...(note ? { note } : {}) });
export const listLeaves = (orgId: string, status: 'pending' | 'approved' | 'rejected' = 'pending') =>
  call('activity', 'leaves', { orgId, status });
export const closeActivity = (id: string) => call('activity', 'close', { id });
export const previewCloseActivity = (id: string) => call('activity', 'closePreview', { id });
export const getAttendance = (id: string) => call('activity', 'attendance', { id });
export const getLiveAttendance = (id: string) => call('activity', 'live', { id });
export const exportActivityAttendance = (id: string) => call('activity', 'exportAttendance', { id });
export const exportPeriodAttendance = (input: ActionInput<'activity', 'exportPeriod'>) =>
  call('activity', 'exportPeriod', input);
export const getMyCode = () => call('activity', 'myCode');
/** The 三会一课 cadence of a branch (`date`: a day, default today in China). */
export const getCadence = (orgId: string, date?: string) =>
  call('activity', 'cadence', { orgId, ...(date ? { date } : {}) });
export const getMeetingRecord = (id: string) => call('activity', 'record', { id });
export const saveMeetingRecord = (input: ActionInput<'activity', 'saveRecord'>) =>
  call('activity', 'saveRecord', input);
export const exportMeetingRecord = (id: string) => call('activity', 'exportRecord', { id });
