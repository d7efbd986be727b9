import { defineFunction } from '../runtime/dispatch';
import { exportMyData } from './my-data-export';
import { exportMembers, importMembers, importTemplate } from './roster-excel';
import { createMember, deactivateMember, getMember, listMembers, transferMember, updateMember } from './roster-members';
import { auditLog, createOrg, grantRole, listRoles, renameOrg, revokeRole, tree } from './roster-orgs';

export const rosterFunction = defineFunction('roster', {
  tree,
  listMembers,
  getMember,
  createMember,
  updateMember,
  deactivateMember,
  transferMember,
  importTemplate,
  importMembers,
  exportMembers,
  createOrg,
  renameOrg,
  listRoles,
  grantRole,
  revokeRole,
  auditLog,
  exportMyData,
});
