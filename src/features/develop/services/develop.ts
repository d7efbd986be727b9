/** Typed calls to the `develop` function: 发展党员 board, files and their steps. */
import type { ActionInput } from '@contracts';
import { call } from '@/services/client';

export const developBoard = (orgId: string) => call('develop', 'board', { orgId });
export const developPipeline = (committeeId: string) => call('develop', 'pipeline', { committeeId });
export const getDevelopFile = (id: string) => call('develop', 'get', { id });
export const startDevelopFile = (input: ActionInput<'develop', 'start'>) => call('develop', 'start', input);
export const recordDevelopStep = (input: ActionInput<'develop', 'recordStep'>) => call('develop', 'recordStep', input);
