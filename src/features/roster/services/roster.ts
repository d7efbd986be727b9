/** Typed calls to the `roster` function (org tree, members, Excel). */
import type { ActionInput, Period } from '@contracts';
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
export const previewImport = (orgId: string, fileID: string) => call('roster', 'previewImport', { orgId, fileID });
export const importMembers = (input: ActionInput<'roster', 'importMembers'>) => call('roster', 'importMembers', input);
export const exportMembers = (input: ActionInput<'roster', 'exportMembers'>) => call('roster', 'exportMembers', input);
export const getSetupStatus = () => call('roster', 'setupStatus');
export const getRatingProposals = (committeeId: string, year: number) =>
  call('roster', 'ratingProposals', { committeeId, year });
export const decideRating = (input: ActionInput<'roster', 'decideRating'>) => call('roster', 'decideRating', input);
export const getRatings = (orgId: string) => call('roster', 'ratings', { orgId });
export const setRatingCriteria = (input: ActionInput<'roster', 'setRatingCriteria'>) =>
  call('roster', 'setRatingCriteria', input);
export const getOverview = (orgId: string, period: Period, date?: string) =>
  call('roster', 'overview', { orgId, period, ...(date ? { date } : {}) });
export const setup = (input: ActionInput<'roster', 'setup'>) => call('roster', 'setup', input);

// The committee admin's pages.
export const getAdminTree = () => call('roster', 'tree', { archived: true, counts: true });
export const createOrg = (input: ActionInput<'roster', 'createOrg'>) => call('roster', 'createOrg', input);
export const renameOrg = (input: ActionInput<'roster', 'renameOrg'>) => call('roster', 'renameOrg', input);
export const moveOrg = (input: ActionInput<'roster', 'moveOrg'>) => call('roster', 'moveOrg', input);
export const archiveOrg = (id: string) => call('roster', 'archiveOrg', { id });
export const getInviteCode = (orgId: string) => call('roster', 'inviteCode', { orgId });
export const listRoles = (orgId: string) => call('roster', 'listRoles', { orgId });
export const grantRole = (input: ActionInput<'roster', 'grantRole'>) => call('roster', 'grantRole', input);
export const revokeRole = (input: ActionInput<'roster', 'revokeRole'>) => call('roster', 'revokeRole', input);
export const getAuditLog = (input: ActionInput<'roster', 'auditLog'>) => call('roster', 'auditLog', input);
