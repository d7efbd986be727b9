import { defineFunction } from '../runtime/dispatch';
import { exportMembers, importMembers, importTemplate } from './actions/excel';
import {
  createMember,
  deactivateMember,
  getMember,
  listMembers,
  transferMember,
  updateMember,
} from './actions/members';
import { exportMyData } from './actions/my-data';
import {
  archiveOrg,
  auditLog,
  createOrg,
  grantRole,
  listRoles,
  moveOrg,
  renameOrg,
  revokeRole,
  tree,
} from './actions/orgs';
import { setup, setupStatus } from './actions/setup';

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
  moveOrg,
  archiveOrg,
  listRoles,
  grantRole,
  revokeRole,
  auditLog,
  exportMyData,
  setupStatus,
  setup,
});
