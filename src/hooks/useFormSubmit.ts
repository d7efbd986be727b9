import { useCallback, useState } from 'react';
import { formFieldOf, hasErrors } from '@/utils/validation';
import { isApiRequestError } from '@/services/errors';
import { CHECK_FORM_MESSAGE, toastError, toastInfo, toastSuccess } from '@/utils/feedback';
import type { useForm } from './useForm';

type Form<T extends object> = ReturnType<typeof useForm<T>>;
type FormErrors<T extends object> = Partial<Record<keyof T & string, string>>;

export interface SendOptions<R> {
  /** Toasted when the request worked. */
  successText?: string;
  /** Runs when the request worked (after the toast). */
  onDone?: (result: R) => void;
  /**
   * Sees a failure before it is toasted (e.g. to mark the form field it names); returns true when
   * it has shown the failure itself, and then there is no toast.
   */
  onError?: (e: unknown) => boolean | void;
}

/**
 * One request made for the user: `key` is busy while it runs, success may be toasted, a failure
 * always is. Resolves whether it worked. A plain function, so that node tests can run it.
 */
export async function sendBusy<K extends string, R>(
  setBusy: (key: K | '') => void,
  key: K,
  send: () => Promise<R>,
  options: SendOptions<R> = {},
): Promise<boolean> {
  setBusy(key);
  try {
    const result = await send();
    if (options.successText) toastSuccess(options.successText);
    options.onDone?.(result);
    return true;
  } catch (e) {
    if (options.onError?.(e) !== true) toastError(e);
    return false;
  } finally {
    setBusy('');
  }
}

/**
 * Requests made for the user (a save, an export, a sign-in): `busy` names the one running, `''`
 * when none (the keys tell apart several buttons, or the item being changed). See {@link sendBusy}.
 */
export function useSubmit<K extends string>() {
  const [busy, setBusy] = useState<K | ''>('');
  const send = useCallback(
    <R>(key: K, request: () => Promise<R>, options?: SendOptions<R>) => sendBusy(setBusy, key, request, options),
    [],
  );
  return { busy, send };
}

/**
 * Where a server INVALID_INPUT lands on a form: the field named by the path's last part, when it
 * is one of these, or what a mapping of the path says.
 */
export type FormFields<T extends object> =
  ReadonlyArray<keyof T & string> | ((path: string | undefined) => (keyof T & string) | undefined);

/** The form error a failed request carries: an INVALID_INPUT on a field of this form. */
export function serverFieldError<T extends object>(e: unknown, fields: FormFields<T>): FormErrors<T> | undefined {
  if (!isApiRequestError(e) || e.code !== 'INVALID_INPUT') return undefined;
  const field = typeof fields === 'function' ? fields(e.field) : formFieldOf(e.field, fields);
  return field ? ({ [field]: e.message } as FormErrors<T>) : undefined;
}

/**
 * Submitting a form: local checks first, then the request; an INVALID_INPUT from the server is
 * shown on the field it names, anything else as a toast. `onInvalid` sees the errors shown
 * either way (e.g. to open the section they are in).
 */
export function useFormSubmit<T extends object>(
  form: Pick<Form<T>, 'setErrors'>,
  fields: FormFields<T>,
  onInvalid?: (errors: FormErrors<T>) => void,
) {
  const { busy, send: sendRequest } = useSubmit<'submit'>();

  async function submit<R>(
    localErrors: FormErrors<T>,
    send: () => Promise<R>,
    onDone: (result: R) => void,
    successText: string,
  ): Promise<void> {
    if (hasErrors(localErrors)) {
      form.setErrors(localErrors);
      onInvalid?.(localErrors);
      toastInfo(CHECK_FORM_MESSAGE);
      return;
    }
    await sendRequest('submit', send, {
      successText,
      onDone,
      onError: (e) => {
        const errors = serverFieldError(e, fields);
        if (!errors) return;
        form.setErrors(errors);
        onInvalid?.(errors);
      },
    });
  }

  return { busy: busy !== '', submit };
}
