import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { canObject, objectableText, objectionNote, offersObjection } from '@/features/points/model/objections';
import { entryTime, signed, valueTone } from '@/features/points/model/points';
import { offersReversal } from '@/features/points/model/reversal';
import type { ObjectionStatus } from '@contracts';
import StatusTag, { type Tone } from '@/components/StatusTag';
import './index.scss';

/** What both the member's entries and the branch ledger have in common. */
export interface EntryRowData {
  id: string;
  ruleName: string;
  value: number;
  reason: string;
  at: string;
  reverses: string | null;
  memberName?: string;
  /** Whether the caller may reverse it (the branch ledger says; the server's own rule). */
  reversible?: boolean;
  /** The member's objection (异议) to this entry, if any. */
  objection?: { status: ObjectionStatus; resolution: string | null } | null;
  /** Until when the member may object (their own entries only). */
  objectableUntil?: string | null;
}

const OBJECTION_TAG: Record<ObjectionStatus, { tone: Tone; text: string }> = {
  open: { tone: 'warning', text: '异议处理中' },
  upheld: { tone: 'success', text: '异议成立' },
  dismissed: { tone: 'muted', text: '异议未成立' },
};

interface Props {
  entry: EntryRowData;
  /** For a reversal: which entry it cancels. */
  reversalNote: string;
  /** A reversal of this entry exists. */
  reversed: boolean;
  /** The ledger shows whose entry it is. */
  showMember?: boolean;
  /** 冲正 (secretaries; only where `offersReversal`: the server's rule, never on a reversal or a reversed entry). */
  onReverse?: (entry: EntryRowData) => void;
  /** 提出异议 (the member, on their own entries while the window is open). */
  onObject?: (entry: EntryRowData) => void;
}

/** One ledger line: the rule, the signed value, the reason and when; a reversal says what it cancels. */
export default function PointsEntryRow({ entry, reversalNote, reversed, showMember, onReverse, onObject }: Props) {
  const isReversal = !!entry.reverses;
  const classes = [
    'zb-pentry',
    'e2e-points-entry',
    isReversal ? 'zb-pentry--reversal e2e-points-entry-reversal' : '',
    reversed ? 'zb-pentry--reversed e2e-points-entry-reversed' : '',
  ];
  const canReverse = !!onReverse && offersReversal(entry, reversed);
  // A positive entry offers 提出异议 once opened (tapped); a deduction at once.
  const [opened, setOpened] = useState(false);
  const mayObject = !!onObject && canObject(entry, reversed);
  const objectable = mayObject && offersObjection(entry, opened);
  const note = objectionNote(entry.objection ?? null);
  return (
    <View
      className={classes.filter(Boolean).join(' ')}
      onClick={mayObject && !opened ? () => setOpened(true) : undefined}
    >
      <View className="zb-pentry__main">
        <View className="zb-pentry__line">
          {showMember && entry.memberName ? (
            <Text className="zb-pentry__member e2e-points-entry-member">{entry.memberName}</Text>
          ) : null}
          <Text className={`zb-pentry__rule e2e-points-entry-rule ${showMember ? 'zb-pentry__rule--minor' : ''}`}>
            {entry.ruleName}
          </Text>
          {isReversal ? <StatusTag tone="warning">冲正</StatusTag> : null}
          {reversed ? <StatusTag tone="muted">已冲正</StatusTag> : null}
          {entry.objection ? (
            <StatusTag tone={OBJECTION_TAG[entry.objection.status].tone} className="e2e-points-entry-objection">
              {OBJECTION_TAG[entry.objection.status].text}
            </StatusTag>
          ) : null}
        </View>
        <Text className="zb-pentry__reason e2e-points-entry-reason">{entry.reason}</Text>
        {isReversal ? <Text className="zb-pentry__note e2e-points-entry-reverses">{reversalNote}</Text> : null}
        {note ? (
          <Text className={`zb-pentry__note zb-pentry__note--${entry.objection?.status} e2e-points-entry-resolution`}>
            {note}
          </Text>
        ) : null}
        <Text className="zb-pentry__time e2e-points-entry-time">{entryTime(entry.at)}</Text>
        {objectable && entry.objectableUntil ? (
          <Text className="zb-pentry__until e2e-entry-objectable-until">{objectableText(entry.objectableUntil)}</Text>
        ) : null}
      </View>
      <View className="zb-pentry__side">
        <Text className={`zb-pentry__value zb-pentry__value--${valueTone(entry.value)} e2e-points-entry-value`}>
          {signed(entry.value)}
        </Text>
        {canReverse ? (
          <View className="zb-pentry__action e2e-entry-reverse" onClick={() => onReverse(entry)}>
            冲正
          </View>
        ) : null}
        {objectable ? (
          <View
            className="zb-pentry__action e2e-entry-object"
            onClick={(e) => {
              e.stopPropagation();
              onObject(entry);
            }}
          >
            提出异议
          </View>
        ) : null}
      </View>
    </View>
  );
}
