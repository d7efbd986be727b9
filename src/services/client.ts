/**
 * The one API client. Every backend call goes through `call`, typed from the contracts:
 * `call('roster', 'listMembers', { orgId })` resolves to that action's output or throws an
 * ApiRequestError carrying the server's code, Chinese message, field and row details.
 */
import type { ActionInput, ActionName, ActionOutput, FunctionName } from '@contracts';
import { ApiRequestError } from './errors';
import { transport } from './transport';

export { ApiRequestError, errorMessage, isApiRequestError } from './errors';

/** `data` may be left out only for actions whose input is optional. */
type DataArg<F extends FunctionName, A extends ActionName<F>> =
  undefined extends ActionInput<F, A> ? [data?: ActionInput<F, A>] : [data: ActionInput<F, A>];

export async function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  ...[data]: DataArg<F, A>
): Promise<ActionOutput<F, A>> {
  const result = await transport.invoke(fn, action, data);
  if (!result.ok) throw ApiRequestError.from(result.error);
  return result.data as ActionOutput<F, A>;
}
