import { useState } from 'react';
import { useRequest } from '@/hooks/useRequest';
import { getConsentNotice } from '@/features/identity/services/identity';
import { toastInfo } from '@/utils/feedback';

/**
 * Separate consent to processing Party membership (PIPL Art. 29): the notice, a box never ticked in
 * advance, and `confirmed()`, which says whether a form may be sent (and asks for the tick if not).
 */
export function useSeparateConsent() {
  const notice = useRequest(getConsentNotice, []);
  const [consent, setConsent] = useState(false);
  const [error, setError] = useState('');
  return {
    notice,
    consent,
    error,
    toggle: () => {
      setConsent(!consent);
      setError('');
    },
    confirmed: (): boolean => {
      if (consent && notice.data) return true;
      setError('请阅读上面的说明，并勾选单独同意后再提交');
      toastInfo('请先勾选单独同意');
      return false;
    },
  };
}

export type SeparateConsent = ReturnType<typeof useSeparateConsent>;
