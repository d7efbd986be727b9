import { useState } from 'react';
import { formFieldOf, hasErrors } from '@/utils/validation';
import { isApiRequestError } from '@/services/client';
import { CHECK_FORM_MESSAGE, toastError, toastInfo, toastSuccess } from '@/utils/feedback';
import type { useForm } from './useForm';

type Form<T extends object> = ReturnType<typeof useForm<T>>;

/**
 * Submitting a form: local checks first, then the request; an INVALID_INPUT from the server is
 * shown on the field it names, anything else as a toast.
 */
export function useFormSubmit<T extends object>(form: Form<T>, fields: ReadonlyArray<keyof T & string>) {
  const [busy, setBusy] = useState(false);

  async function submit<R>(
    localErrors: Partial<Record<keyof T & string, string>>,
    send: () => Promise<R>,
    onDone: (result: R) => void,
    successText: string,
  ): Promise<void> {
    if (hasErrors(localErrors)) {
      form.setErrors(localErrors);
      toastInfo(CHECK_FORM_MESSAGE);
      return;
    }
    setBusy(true);
    try {
      const result = await send();
      toastSuccess(successText);
      onDone(result);
    } catch (e) {
      const field = isApiRequestError(e) && e.code === 'INVALID_INPUT' ? formFieldOf(e.field, fields) : undefined;
      if (field && isApiRequestError(e))
        form.setErrors({ [field]: e.message } as Partial<Record<keyof T & string, string>>);
      toastError(e);
    } finally {
      setBusy(false);
    }
  }

  return { busy, submit };
}
