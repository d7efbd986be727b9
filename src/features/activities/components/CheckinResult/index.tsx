import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { CheckinResult as Result } from '@contracts';
import {
  checkinSuccessView,
  type CheckinAction,
  type CheckinFailure,
} from '@/features/activities/model/checkin-errors';
import './index.scss';

/**
 * Full screen: the green check, 签到成功 (or 已签到 for a repeated scan), then the activity, the
 * sign-in time (迟到 with its minutes) and the points earned, with the next steps at the bottom.
 */
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
  const pointsNote = view.repeatNote || result.pointsNote || '';
  return (
    <View
      className={`zb-checkres zb-checkres--success e2e-checkin-success${result.already ? ' e2e-checkin-repeat' : ''}`}
    >
      <View className="zb-checkres__body">
        <View className="zb-checkres__hero">
          <View className="zb-checkres__mark zb-checkres__mark--success">
            <View className="zb-checkres__check" />
          </View>
          <Text className="zb-checkres__heading e2e-checkin-heading">{view.heading}</Text>
          <Text className="zb-checkres__who">{result.memberName}</Text>
        </View>
        <View className="zb-checkres__facts">
          <View className="zb-checkres__fact">
            <Text className="zb-checkres__label">活动</Text>
            <Text className="zb-checkres__value e2e-checkin-title">{result.title}</Text>
          </View>
          <View className="zb-checkres__fact">
            <Text className="zb-checkres__label">签到</Text>
            <Text className={`zb-checkres__value e2e-checkin-status${view.late ? ' zb-checkres__value--late' : ''}`}>
              {view.time}
            </Text>
          </View>
          {result.already ? null : (
            <View className="zb-checkres__fact zb-checkres__fact--points">
              <Text className="zb-checkres__label">积分</Text>
              {view.points ? (
                <Text className="zb-checkres__points e2e-checkin-points">{view.points}</Text>
              ) : (
                <Text className="zb-checkres__value zb-checkres__value--muted">本次不计分</Text>
              )}
            </View>
          )}
          {pointsNote ? (
            <Text
              className={`zb-checkres__note ${view.repeatNote ? 'e2e-checkin-already' : 'e2e-checkin-points-note'}`}
            >
              {pointsNote}
            </Text>
          ) : null}
        </View>
      </View>
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
      <Text className="zb-checkres__heading">{step === 'locating' ? '正在确认您的位置…' : '正在签到…'}</Text>
    </View>
  );
}
