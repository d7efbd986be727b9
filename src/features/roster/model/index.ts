/** The roster's pure public face: labels and org rules other features' models and components use. */
export { DECLARATION_STATUS_LABEL, MEMBER_STATUS_LABEL, PARTY_STATUS_LABEL, partyYearsFigure } from './party';
export { orgLabel, roleLabel } from './orgs';
