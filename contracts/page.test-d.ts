/**
 * A type test, checked by `tsc` and never run: every output that pages (it has `page`, `pageSize`
 * or `hasMore`) is a `Page<T>`, so the app pages every list one way. `MisshapedPages` names the
 * `function.action` of any that is not; it must be `never`.
 */
import type { Outputs, Page } from './index';

type Paging = 'page' | 'pageSize' | 'hasMore';
type Misshaped<O> = O extends { items: unknown[] }
  ? Extract<keyof O, Paging> extends never
    ? false
    : O extends Page<unknown>
      ? false
      : true
  : Extract<keyof O, Paging> extends never
    ? false
    : true;

type MisshapedPages = {
  [F in keyof Outputs]: {
    [A in keyof Outputs[F]]: Misshaped<Outputs[F][A]> extends true ? `${F}.${A & string}` : never;
  }[keyof Outputs[F]];
}[keyof Outputs];

export const everyPageIsAPage: [MisshapedPages] extends [never] ? true : MisshapedPages = true;
export const minesEntriesAreAPage: Outputs['points']['mine']['entries'] extends Page<unknown> ? true : false = true;
