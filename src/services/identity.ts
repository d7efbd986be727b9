/** Typed calls to the `identity` function (亮身份, review, identity card). */
import type { ActionInput } from '../../contracts';
import { call } from './client';

export const getMe = () => call('identity', 'me');
export const declare = (input: ActionInput<'identity', 'declare'>) => call('identity', 'declare', input);
export const withdrawDeclaration = () => call('identity', 'withdraw');
export const listDeclarations = (input?: ActionInput<'identity', 'listDeclarations'>) =>
  call('identity', 'listDeclarations', input);
export const approveDeclaration = (id: string, memberId?: string) =>
  call('identity', 'review', { id, decision: 'approve', ...(memberId ? { memberId } : {}) });
export const rejectDeclaration = (id: string, reason: string) =>
  call('identity', 'review', { id, decision: 'reject', reason });
export const getCard = () => call('identity', 'card');
