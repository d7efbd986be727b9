/** Typed calls to the `develop` function: 发展党员 board, files and their steps, the committee's step list. */
import type { ActionInput, DevelopConfig } from '@contracts';
import { call } from '@/services/client';
import { openFileLink } from '@/services/files';

export const developBoard = (orgId: string) => call('develop', 'board', { orgId });
export const developPipeline = (committeeId: string) => call('develop', 'pipeline', { committeeId });
export const getDevelopFile = (id: string) => call('develop', 'get', { id });
export const startDevelopFile = (input: ActionInput<'develop', 'start'>) => call('develop', 'start', input);
export const recordDevelopStep = (input: ActionInput<'develop', 'recordStep'>) => call('develop', 'recordStep', input);
export const closeDevelopFile = (id: string, reason: string) => call('develop', 'close', { id, reason });

/** The committee's pipeline as an Excel workbook, opened (WeChat) or downloaded (H5). */
export async function exportDevelopPipeline(committeeId: string): Promise<void> {
  await openFileLink(await call('develop', 'exportPipeline', { committeeId }));
}

/** The committee's step list and rules (the default until it sets its own). */
export const developConfig = (orgId: string) => call('develop', 'config', { orgId });
export const setDevelopSteps = (committeeId: string, config: DevelopConfig) =>
  call('develop', 'setSteps', { committeeId, config });
