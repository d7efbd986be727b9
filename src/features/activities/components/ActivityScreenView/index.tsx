import { Text, View } from '@tarojs/components';
import type { ActivityCounts, ActivityPhase } from '@contracts';
import { formatRate, PHASE_LABELS } from '@/features/activities/model/activities';
import type { ActivityCodeState } from '@/features/activities/hooks/useActivityCode';
import CheckinCodeImage from '@/features/activities/components/CheckinCodeImage';
import { errorMessage } from '@/services/client';
import './index.scss';

interface Props {
  /** The branch's name (and a group's, after it). */
  orgLine: string;
  title: string;
  phase: ActivityPhase;
  counts: ActivityCounts | undefined;
  code: ActivityCodeState;
  showCode: boolean;
  /** The latest to sign in, newest first. */
  latest: Array<{ memberId: string; name: string }>;
}

/** What the screen shows where the code would be: why there is none (yet). */
function waitText(phase: ActivityPhase, code: ActivityCodeState, showCode: boolean): string {
  if (!showCode) return `签到${PHASE_LABELS[phase]}`;
  if (code.error) return `${errorMessage(code.error)}${code.retrying ? '，正在重试…' : ''}`;
  return '正在生成二维码…';
}

/**
 * 签到大屏 for a projector: the branch and the title, a very large rotating QR, the signed-in count
 * and the latest names signing in.
 */
export default function ActivityScreenView({ orgLine, title, phase, counts, code, showCode, latest }: Props) {
  const step = code.code?.stepSeconds ?? 10;
  return (
    <View className="zb-screen e2e-activity-screen">
      <View className="zb-screen__head">
        <Text className="zb-screen__org e2e-screen-org">{orgLine}</Text>
        <Text className="zb-screen__title">{title}</Text>
      </View>
      <View className="zb-screen__body">
        {showCode && code.code ? (
          <View className="zb-screen__code e2e-screen-code" data-token={code.code.token}>
            <CheckinCodeImage code={code.code} className="zb-screen__qr" />
          </View>
        ) : (
          <View className="zb-screen__code zb-screen__code--empty">
            <Text className="zb-screen__wait">{waitText(phase, code, showCode)}</Text>
          </View>
        )}
        <View className="zb-screen__figures">
          <Text className="zb-screen__label">已签到</Text>
          <View className="zb-screen__count-line">
            <Text className="zb-screen__count e2e-screen-count">{counts ? counts.present + counts.late : '—'}</Text>
            <Text className="zb-screen__of">{`/ ${counts?.expected ?? '—'}`}</Text>
          </View>
          <Text className="zb-screen__rate">{`出勤率 ${counts ? formatRate(counts.rate) : '—'}`}</Text>
          {counts?.onTheWay ? (
            <Text className="zb-screen__rate">{`另有积极分子等 ${counts.onTheWay.present + counts.onTheWay.late} 人签到`}</Text>
          ) : null}
          {latest.length ? (
            <View className="zb-screen__latest e2e-screen-latest">
              <Text className="zb-screen__latest-label">最新签到</Text>
              {latest.map((item, i) => (
                <Text
                  key={item.memberId}
                  className={`zb-screen__name ${i === 0 ? 'zb-screen__name--newest' : ''} e2e-screen-latest-name`}
                >
                  {item.name}
                </Text>
              ))}
            </View>
          ) : null}
        </View>
      </View>
      <Text className="zb-screen__hint">{`请使用微信扫码签到 · 二维码每${step}秒刷新`}</Text>
    </View>
  );
}
