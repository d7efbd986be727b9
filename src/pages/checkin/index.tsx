import Taro, { useRouter } from '@tarojs/taro';
import CheckinStart from '@/features/activities/components/CheckinStart';
import { CheckinError, CheckinSuccess, CheckinWorking } from '@/features/activities/components/CheckinResult';
import PageShell from '@/components/PageShell';
import { useCheckin } from '@/features/activities/hooks/useCheckin';
import { go, ROUTES } from '@/utils/routes';
import './index.scss';

/**
 * 扫码签到. Opened from a code's link (`?t=<token>`; in WeChat's 扫普通链接二维码 as `?q=<link>`, from a
 * 小程序码 as `?scene=<token>`) it
 * signs in at once; opened without one it offers the scanner (WeChat) or a field for the link.
 */
export default function CheckinPage() {
  const { t, q, scene } = useRouter().params;
  const { state, canScan, scan, submitText, act } = useCheckin({ t, q, scene });

  let content;
  if (state.kind === 'success')
    content = (
      <CheckinSuccess
        result={state.result}
        onOpenActivity={() => go(ROUTES.activity(state.result.activityId))}
        onHome={() => void Taro.switchTab({ url: ROUTES.home })}
      />
    );
  else if (state.kind === 'failure') content = <CheckinError failure={state.failure} onAct={(a) => void act(a)} />;
  else if (state.kind === 'working') content = <CheckinWorking step={state.step} />;
  else content = <CheckinStart canScan={canScan} onScan={() => void scan()} onSubmitText={submitText} />;

  return <PageShell className="zb-checkin">{content}</PageShell>;
}
