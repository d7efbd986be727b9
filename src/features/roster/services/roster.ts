/** Typed calls to the `roster` function (org tree, members, Excel). */
import type { ActionInput } from '@contracts';
import { call } from '@/services/client';

export const getTree = () => call('roster', 'tree');
export const listMembers = (input: ActionInput<'roster', 'listMembers'>) => call('roster', 'listMembers', input);
export const getMember = (id: string) => call('roster', 'getMember', { id });
export const createMember = (input: ActionInput<'roster', 'createMember'>) => call('roster', 'createMember', input);
export const updateMember = (input: ActionInput<'roster', 'updateMember'>) => call('roster', 'updateMember', input);
export const deactivateMember = (input: ActionInput<'roster', 'deactivateMember'>) =>
  call('roster', 'deactivateMember', input);
export const transferMember = (input: ActionInput<'roster', 'transferMember'>) =>
  call('roster', 'transferMember', input);
export const getImportTemplate = () => call('roster', 'importTemplate');
export const importMembers = (orgId: string, fileID: string) => call('roster', 'importMembers', { orgId, fileID });
export const exportMembers = (orgId: string) => call('roster', 'exportMembers', { orgId });
export const getSetupStatus = () => call('roster', 'setupStatus');
export const setup = (input: ActionInput<'roster', 'setup'>) => call('roster', 'setup', input);
