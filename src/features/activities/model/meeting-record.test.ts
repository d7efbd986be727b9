import type { MeetingRecordView } from '@contracts';
import { quorumText, recordFormErrors, recordFormFrom, toSaveRecordInput, voteText } from './meeting-record';

const quorum = { voters: 15, present: 8, reached: true };
const empty = { record: null, quorum } as unknown as MeetingRecordView;
const filled = {
  ...recordFormFrom(empty, '李红梅'),
  recorder: '王志强',
  topics: ' 学习全会精神 ',
  summary: '传达精神',
};

describe('the 会议记录 form', () => {
  it('starts empty with the host offered, and sends trimmed fields without an empty 决议', () => {
    expect(recordFormFrom(empty, '李红梅')).toMatchObject({ host: '李红梅', recorder: '', withVote: false });
    expect(recordFormErrors(filled, { quorum })).toEqual({});
    expect(toSaveRecordInput('a1', filled, { quorum })).toEqual({
      id: 'a1',
      host: '李红梅',
      recorder: '王志强',
      topics: '学习全会精神',
      summary: '传达精神',
    });
  });

  it('names each missing field', () => {
    expect(recordFormErrors({ ...filled, host: ' ', summary: '' }, { quorum })).toEqual({
      host: '请填写主持人',
      summary: '请填写内容摘要',
    });
  });

  it.each([
    [{ voteFor: '', voteAgainst: '0', voteAbstain: '0' }, { voteFor: '请填写赞成票数（0 或正整数）' }],
    [{ voteFor: '-1', voteAgainst: '0', voteAbstain: '0' }, { voteFor: '请填写赞成票数（0 或正整数）' }],
    [{ voteFor: '1.5', voteAgainst: '0', voteAbstain: '0' }, { voteFor: '请填写赞成票数（0 或正整数）' }],
    [
      { voteFor: '6', voteAgainst: '2', voteAbstain: '1' },
      { voteAbstain: '三项合计 9 票，超过到会有表决权的党员 8 人' },
    ],
    [{ voteFor: '6', voteAgainst: '2', voteAbstain: '0' }, {}],
  ])('a vote %j → %j', (vote, errors) => {
    expect(recordFormErrors({ ...filled, withVote: true, ...vote }, { quorum })).toEqual(errors);
  });

  it('sends the vote as numbers, only for a 支部党员大会 (with a quorum figure)', () => {
    const values = { ...filled, withVote: true, voteFor: '8', voteAgainst: '0', voteAbstain: '0' };
    expect(toSaveRecordInput('a1', values, { quorum }).vote).toEqual({ for: 8, against: 0, abstain: 0 });
    expect(toSaveRecordInput('a1', values, { quorum: null }).vote).toBeUndefined();
  });

  it('reads quorum and vote in words', () => {
    expect(quorumText(quorum)).toBe('有表决权的正式党员 15 人，到会 8 人：超过半数，符合开会人数');
    expect(quorumText({ voters: 16, present: 8, reached: false })).toBe(
      '有表决权的正式党员 16 人，到会 8 人：未超过半数，不足开会人数',
    );
    const view = {
      record: { vote: { for: 7, against: 1, abstain: 0 } },
      quorum,
      passed: false,
    } as unknown as MeetingRecordView;
    expect(voteText(view)).toBe('赞成 7 票 · 反对 1 票 · 弃权 0 票，未通过（赞成票须超过 15 名有表决权党员的半数）');
  });
});
