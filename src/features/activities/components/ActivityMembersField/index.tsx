import { Text, View } from '@tarojs/components';
import Switch from '@/components/Switch';
import type { RosterMember } from '@contracts';
import { FEW_EXPECTED_NO_POINTS, MIN_EXPECTED_FOR_POINTS } from '@contracts/labels/activity';
import { Field } from '@/components/Field';
import { PointsMemberPicker } from '@/features/points';
import { everyoneLabel } from '@/features/activities/model/participants';
import './index.scss';

interface Props {
  /** Whom the kind expects: 全体. */
  everyone: RosterMember[];
  /** Whom the checklist offers: all but those the kind refuses (those it only welcomes come as 列席). */
  members: RosterMember[];
  allExpected: boolean;
  selected: string[];
  error?: string;
  onAll: (all: boolean) => void;
  onToggle: (id: string) => void;
  onSelect: (ids: string[]) => void;
}

/** 应到党员: everyone in the org by default; switched off, a checklist to choose who. */
export default function ActivityMembersField({
  everyone,
  members,
  allExpected,
  selected,
  error,
  onAll,
  onToggle,
  onSelect,
}: Props) {
  const exempt = everyone.filter((m) => m.exemptReason).length;
  const expected = allExpected ? everyone.length : selected.length;
  return (
    <Field label="应到人员" error={error}>
      <View className="zb-actmembers">
        <View className="zb-actmembers__row">
          <Text className="zb-actmembers__all">{everyoneLabel(everyone)}</Text>
          <Switch
            className="e2e-activity-all-members"
            checked={allExpected}
            onChange={(v: boolean) => {
              onAll(v);
              if (!v && !selected.length) onSelect(everyone.map((m) => m.id));
            }}
          />
        </View>
        <Text className="zb-actmembers__note">
          {allExpected
            ? `默认全体在册党员都应参加${exempt ? `，其中 ${exempt} 人免参加组织生活，不计缺席` : ''}。关闭后可取消勾选不需参加的党员。`
            : '勾选应参加的党员；没勾选的不计入应到，也不计缺席。'}
        </Text>
        {expected > 0 && expected < MIN_EXPECTED_FOR_POINTS ? (
          <Text className="zb-actmembers__few e2e-activity-few-members">{FEW_EXPECTED_NO_POINTS}</Text>
        ) : null}
        {allExpected ? null : (
          <PointsMemberPicker members={members} selected={selected} onToggle={onToggle} onSelect={onSelect} />
        )}
      </View>
    </Field>
  );
}
