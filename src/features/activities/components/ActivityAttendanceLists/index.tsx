import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { AttendanceItem } from '@contracts';
import { ATTENDANCE_LABELS } from '@/features/activities/model/activities';
import { attendanceTabs, onTheWayTag, type AttendanceListKey } from '@/features/activities/model/attendance-figures';
import { formatDateTime } from '@/utils/dates';
import type { LiveAttendance } from '@/features/activities/hooks/useActivityLive';
import SegmentedControl from '@/components/SegmentedControl';
import StatusTag from '@/components/StatusTag';
import './index.scss';

type ListKey = AttendanceListKey;

const METHOD: Record<NonNullable<AttendanceItem['method']>, string> = {
  self: '扫码签到',
  organiser: '组织者扫码',
  manual: '补签',
};

const EMPTY: Record<ListKey, string> = {
  signedIn: '还没有人签到。请党员用微信扫描签到二维码。',
  notYet: '应到人员都已签到或请假。',
  onLeave: '没有请假或免参加的党员。',
};

interface Props {
  live: LiveAttendance;
  /** 补签 and 撤销签到: only for those who may correct attendance (left out, the buttons are not shown). */
  onManual?: (item: AttendanceItem) => void;
  onUndo?: (item: AttendanceItem) => void;
}

function detail(item: AttendanceItem): string {
  const parts = [item.at ? formatDateTime(item.at) : '', item.method ? METHOD[item.method] : '', item.note ?? ''];
  return parts.filter(Boolean).join(' · ');
}

/** 已签到 / 未签到 / 请假: who is where, with 补签 and 撤销签到. */
export default function ActivityAttendanceLists({ live, onManual, onUndo }: Props) {
  const [tab, setTab] = useState<ListKey>('signedIn');
  const closed = live.phase === 'closed';
  // The labels come from the counts the figures above show.
  const options = attendanceTabs(live.counts, closed);
  const items = live[tab];
  return (
    <View className="zb-actlists e2e-attendance-lists">
      <SegmentedControl options={options} value={tab} onChange={setTab} className="zb-actlists__tabs" />
      {items.length ? null : (
        <Text className="zb-actlists__empty">{closed && tab === 'signedIn' ? '没有人签到。' : EMPTY[tab]}</Text>
      )}
      {items.map((item) => (
        <View className={`zb-actlists__row e2e-attendance-row e2e-attendance-${tab}`} key={item.memberId}>
          <View className="zb-actlists__main">
            <View className="zb-actlists__name-line">
              <Text className="zb-actlists__name e2e-attendance-name">{item.name}</Text>
              {item.partyStatus ? (
                <StatusTag tone="gold" className="e2e-attendance-way">
                  {onTheWayTag(item) ?? ''}
                </StatusTag>
              ) : null}
              {item.status === 'late' || item.status === 'exempt' || item.status === 'absent' ? (
                <StatusTag tone={item.status === 'late' ? 'warning' : item.status === 'absent' ? 'primary' : 'muted'}>
                  {ATTENDANCE_LABELS[item.status]}
                </StatusTag>
              ) : null}
            </View>
            {detail(item) ? <Text className="zb-actlists__detail">{detail(item)}</Text> : null}
          </View>
          {tab === 'notYet' && onManual ? (
            <Button
              size="small"
              type="primary"
              fill="outline"
              className="e2e-manual-checkin"
              onClick={() => onManual(item)}
            >
              补签
            </Button>
          ) : null}
          {tab === 'signedIn' && onUndo ? (
            <Button size="small" fill="outline" className="e2e-undo-checkin" onClick={() => onUndo(item)}>
              撤销签到
            </Button>
          ) : null}
        </View>
      ))}
    </View>
  );
}
