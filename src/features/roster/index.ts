/** The roster's public face to other features. */
export * from './model';
export { default as MemberFields } from './components/MemberFields';
export { useManagedOrgs } from './hooks/useManagedOrgs';
export { getTree, listMembers } from './services/roster';
