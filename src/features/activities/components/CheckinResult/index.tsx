import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { CheckinResult as Result } from '@contracts';
import {
  checkinSuccessView,
  type CheckinAction,
  type CheckinFailure,
} from '@/features/activities/model/checkin-errors';
import './index.scss';

/** Full screen: the green check, the activity, 已签到/迟到 and the time, the points earned. */
export function CheckinSuccess({
  result,
  onOpenActivity,
  onHome,
}: {
  result: Result;
  onOpenActivity: () => void;
  onHome: () => void;
}) {
  const view = checkinSuccessView(result);
  return (
    <View className="zb-checkres zb-checkres--success e2e-checkin-success">
      <View className="zb-checkres__mark zb-checkres__mark--success">
        <View className="zb-checkres__check" />
      </View>
      <Text className="zb-checkres__heading">{view.heading}</Text>
      <Text className="zb-checkres__activity e2e-checkin-title">{result.title}</Text>
      <Text className="zb-checkres__status e2e-checkin-status">{view.statusLabel}</Text>
      {view.points ? <Text className="zb-checkres__points e2e-checkin-points">{view.points}</Text> : null}
      {result.pointsNote ? (
        <Text className="zb-checkres__note e2e-checkin-points-note">{result.pointsNote}</Text>
      ) : null}
      {view.already ? <Text className="zb-checkres__note e2e-checkin-already">{view.already}</Text> : null}
      <View className="zb-checkres__actions">
        <Button type="primary" block className="e2e-checkin-open-activity" onClick={onOpenActivity}>
          查看活动
        </Button>
        <Button type="default" block className="zb-checkres__secondary" onClick={onHome}>
          返回首页
        </Button>
      </View>
    </View>
  );
}

/** Full screen: what went wrong, specifically, and the one thing to do next. */
export function CheckinError({ failure, onAct }: { failure: CheckinFailure; onAct: (action: CheckinAction) => void }) {
  return (
    <View
      className={`zb-checkres zb-checkres--error e2e-checkin-error e2e-checkin-error-${failure.code}`}
      data-code={failure.code}
    >
      <View className="zb-checkres__mark zb-checkres__mark--error">
        <Text>!</Text>
      </View>
      <Text className="zb-checkres__heading">{failure.title}</Text>
      <Text className="zb-checkres__hint e2e-checkin-hint">{failure.hint}</Text>
      <View className="zb-checkres__actions">
        <Button type="primary" block className="e2e-checkin-action" onClick={() => onAct(failure.action)}>
          {failure.actionText}
        </Button>
        {failure.action !== 'home' ? (
          <Button type="default" block className="zb-checkres__secondary" onClick={() => onAct('home')}>
            返回首页
          </Button>
        ) : null}
      </View>
    </View>
  );
}

/** While the sign-in (or the location) is on its way. */
export function CheckinWorking({ step }: { step: 'checking' | 'locating' }) {
  return (
    <View className="zb-checkres e2e-checkin-working">
      <View className="zb-checkres__spinner" />
      <Text className="zb-checkres__heading">{step === 'locating' ? '正在确认你的位置…' : '正在签到…'}</Text>
    </View>
  );
}
