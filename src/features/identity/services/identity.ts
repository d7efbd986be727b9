/** Typed calls to the `identity` function (亮身份, review, identity card). */
import type { ActionInput } from '@contracts';
import { call } from '@/services/client';

export const getMe = () => call('identity', 'me');
export const declare = (input: ActionInput<'identity', 'declare'>) => call('identity', 'declare', input);
export const withdrawDeclaration = () => call('identity', 'withdraw');
export const listDeclarations = (input?: ActionInput<'identity', 'listDeclarations'>) =>
  call('identity', 'listDeclarations', input);
/** `orgId`: where to place a 流动党员 (a declaration outside the tree), chosen by the reviewer. */
export const approveDeclaration = (id: string, memberId?: string, orgId?: string) =>
  call('identity', 'review', {
    id,
    decision: 'approve',
    ...(memberId ? { memberId } : {}),
    ...(orgId ? { orgId } : {}),
  });
export const rejectDeclaration = (id: string, reason: string) =>
  call('identity', 'review', { id, decision: 'reject', reason });
export const getCard = () => call('identity', 'card');
/** The separate-consent notice the 亮身份 form shows; its version is kept with the declaration. */
export const getConsentNotice = () => call('identity', 'consentNotice');
/** 我的数据: everything held about the caller, and the same as an Excel file. */
export const getMyData = () => call('identity', 'myData');
/** The Excel file is a `roster` action, deployed in `sheets` with every Excel action, so that `identity` starts fast. */
export const exportMyData = () => call('roster', 'exportMyData');
