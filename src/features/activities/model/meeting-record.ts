/**
 * The 会议记录 form (activity.saveRecord): its values as typed, what is wrong with them before
 * sending, the payload, and how quorum and vote read. The server checks the same again. Pure: no Taro.
 */
import type { ActionInput, MeetingRecordView, QuorumView } from '@contracts';
import {
  RECORD_DECISIONS_MAX_LENGTH,
  RECORD_PERSON_MAX_LENGTH,
  RECORD_SUMMARY_MAX_LENGTH,
  RECORD_TOPICS_MAX_LENGTH,
} from '@contracts/labels/activity';

export interface RecordFormValues {
  host: string;
  recorder: string;
  topics: string;
  summary: string;
  decisions: string;
  /** Whether a vote is recorded (支部党员大会 only). */
  withVote: boolean;
  voteFor: string;
  voteAgainst: string;
  voteAbstain: string;
}

export type RecordFormErrors = Partial<Record<keyof RecordFormValues, string>>;

/** The form as saved last, or empty (主持人 offered as `host`, usually the secretary). */
export function recordFormFrom(view: MeetingRecordView, host = ''): RecordFormValues {
  const r = view.record;
  return {
    host: r?.host ?? host,
    recorder: r?.recorder ?? '',
    topics: r?.topics ?? '',
    summary: r?.summary ?? '',
    decisions: r?.decisions ?? '',
    withVote: Boolean(r?.vote),
    voteFor: r?.vote ? String(r.vote.for) : '',
    voteAgainst: r?.vote ? String(r.vote.against) : '',
    voteAbstain: r?.vote ? String(r.vote.abstain) : '',
  };
}

const count = (text: string): number | null => (/^\d{1,5}$/.test(text.trim()) ? Number(text.trim()) : null);

export function recordFormErrors(values: RecordFormValues, view: Pick<MeetingRecordView, 'quorum'>): RecordFormErrors {
  const errors: RecordFormErrors = {};
  const text = (key: 'host' | 'recorder' | 'topics' | 'summary', label: string, max: number) => {
    const value = values[key].trim();
    if (!value) errors[key] = `请填写${label}`;
    else if (value.length > max) errors[key] = `${label}最多 ${max} 个字`;
  };
  text('host', '主持人', RECORD_PERSON_MAX_LENGTH);
  text('recorder', '记录人', RECORD_PERSON_MAX_LENGTH);
  text('topics', '议题', RECORD_TOPICS_MAX_LENGTH);
  text('summary', '内容摘要', RECORD_SUMMARY_MAX_LENGTH);
  if (values.decisions.trim().length > RECORD_DECISIONS_MAX_LENGTH)
    errors.decisions = `决议最多 ${RECORD_DECISIONS_MAX_LENGTH} 个字`;
  if (values.withVote && view.quorum) {
    const counts = [
      ['voteFor', '赞成'],
      ['voteAgainst', '反对'],
      ['voteAbstain', '弃权'],
    ] as const;
    for (const [key, label] of counts)
      if (count(values[key]) === null) errors[key] = `请填写${label}票数（0 或正整数）`;
    const sum = counts.reduce((s, [key]) => s + (count(values[key]) ?? 0), 0);
    if (!errors.voteFor && !errors.voteAgainst && !errors.voteAbstain && sum > view.quorum.present)
      errors.voteAbstain = `三项合计 ${sum} 票，超过到会有表决权的党员 ${view.quorum.present} 人`;
  }
  return errors;
}

export function toSaveRecordInput(
  id: string,
  values: RecordFormValues,
  view: Pick<MeetingRecordView, 'quorum'>,
): ActionInput<'activity', 'saveRecord'> {
  const decisions = values.decisions.trim();
  return {
    id,
    host: values.host.trim(),
    recorder: values.recorder.trim(),
    topics: values.topics.trim(),
    summary: values.summary.trim(),
    ...(decisions ? { decisions } : {}),
    ...(values.withVote && view.quorum
      ? {
          vote: {
            for: count(values.voteFor) ?? 0,
            against: count(values.voteAgainst) ?? 0,
            abstain: count(values.voteAbstain) ?? 0,
          },
        }
      : {}),
  };
}

/** `有表决权的正式党员 15 人，到会 8 人：超过半数，可以开会`. */
export function quorumText(quorum: QuorumView): string {
  return `有表决权的正式党员 ${quorum.voters} 人，到会 ${quorum.present} 人：${
    quorum.reached ? '超过半数，符合开会人数' : '未超过半数，不足开会人数'
  }`;
}

/** The vote as saved: `赞成 8 票 · 反对 0 票 · 弃权 0 票，通过（超过 15 名有表决权党员的半数）`. */
export function voteText(view: Pick<MeetingRecordView, 'record' | 'quorum' | 'passed'>): string | null {
  const vote = view.record?.vote;
  if (!vote || !view.quorum) return null;
  const verdict = view.passed ? '通过' : '未通过';
  return `赞成 ${vote.for} 票 · 反对 ${vote.against} 票 · 弃权 ${vote.abstain} 票，${verdict}（赞成票须超过 ${view.quorum.voters} 名有表决权党员的半数）`;
}
