import { useState } from 'react';
import { ATTENDANCE_LABELS } from '@/features/activities/model/activities';
import { tokenFrom } from '@/features/activities/model/checkin-link';
import { scanMemberCode } from '@/features/activities/services/activity';
import { canScanWithCamera, scanCodeText } from '@/features/activities/services/scan-member';
import { toastError, toastInfo } from '@/utils/feedback';

/**
 * 组织者扫码: signs a member in with the personal code on their identity card — scanned with the
 * camera in WeChat, pasted on other platforms. `onSigned` runs after each sign-in.
 */
export function useActivityScan(activityId: string, onSigned: () => void) {
  const [busy, setBusy] = useState(false);

  /** Signs in with a scanned or pasted code; resolves true when it worked. */
  const signIn = async (raw: string): Promise<boolean> => {
    const token = tokenFrom({ scanned: raw });
    if (!token) {
      toastInfo('无法识别，请扫描党员身份卡上的签到码');
      return false;
    }
    setBusy(true);
    try {
      const res = await scanMemberCode(activityId, token);
      toastInfo(res.already ? `${res.memberName}已签到过` : `${res.memberName} ${ATTENDANCE_LABELS[res.status]}`);
      onSigned();
      return true;
    } catch (e) {
      toastError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const scan = async () => {
    try {
      const text = await scanCodeText();
      if (text) await signIn(text);
    } catch (e) {
      toastError(e);
    }
  };

  return { busy, canScan: canScanWithCamera, scan, signIn };
}
