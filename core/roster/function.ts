import { defineFunction } from '../runtime/dispatch';
import { exportMyData } from '../identity/my-data-export';
import { exportMembers, importMembers, importTemplate } from './actions/excel';
import {
  createMember,
  deactivateMember,
  getMember,
  listMembers,
  transferMember,
  updateMember,
} from './actions/members';
import { auditLog, createOrg, grantRole, listRoles, renameOrg, revokeRole, tree } from './actions/orgs';

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
