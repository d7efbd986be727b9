import { ATTENDANCE_LABELS } from '@/features/activities/model/activities';
import { tokenFrom } from '@/features/activities/model/checkin-link';
import { scanMemberCode } from '@/features/activities/services/activity';
import { canScanWithCamera, scanCodeText } from '@/features/activities/services/scan-member';
import { toastError, toastInfo } from '@/utils/feedback';
import { useSubmit } from '@/hooks/useFormSubmit';

/**
 * 组织者扫码: signs a member in with the personal code on their identity card — scanned with the
 * camera in WeChat, pasted on other platforms. `onSigned` runs after each sign-in.
 */
export function useActivityScan(activityId: string, onSigned: () => void) {
  const { busy, send } = useSubmit<'signIn'>();

  /** Signs in with a scanned or pasted code; resolves true when it worked. */
  const signIn = async (raw: string): Promise<boolean> => {
    const token = tokenFrom({ scanned: raw });
    if (!token) {
      toastInfo('无法识别，请扫描党员身份卡上的签到码');
      return false;
    }
    return send('signIn', () => scanMemberCode(activityId, token), {
      onDone: (res) => {
        toastInfo(res.already ? `${res.memberName}已签到过` : `${res.memberName} ${ATTENDANCE_LABELS[res.status]}`);
        onSigned();
      },
    });
  };

  const scan = async () => {
    try {
      const text = await scanCodeText();
      if (text) await signIn(text);
    } catch (e) {
      toastError(e);
    }
  };

  return { busy: busy !== '', canScan: canScanWithCamera, scan, signIn };
}
