import { defineFunction } from '../runtime/dispatch';
import {
  createMember,
  deactivateMember,
  getMember,
  listMembers,
  transferMember,
  updateMember,
} from './actions/members';
import {
  archiveOrg,
  auditLog,
  createOrg,
  grantRole,
  inviteCode,
  listRoles,
  moveOrg,
  renameOrg,
  revokeRole,
  tree,
} from './actions/orgs';
import { employers, fileEmployer } from './actions/employers';
import { overview } from './actions/overview';
import { decideRating, ratingProposals, ratings, setRatingCriteria } from './actions/rating';
import { setup, setupStatus } from './actions/setup';

export const rosterFunction = defineFunction('roster', {
  tree,
  listMembers,
  getMember,
  createMember,
  updateMember,
  deactivateMember,
  transferMember,
  createOrg,
  renameOrg,
  moveOrg,
  archiveOrg,
  inviteCode,
  listRoles,
  grantRole,
  revokeRole,
  auditLog,
  setupStatus,
  setup,
  overview,
  ratingProposals,
  decideRating,
  ratings,
  setRatingCriteria,
  employers,
  fileEmployer,
});
