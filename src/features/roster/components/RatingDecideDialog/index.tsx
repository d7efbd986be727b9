import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { RatingProposal } from '@contracts';
import ReasonDialog from '@/components/ReasonDialog';
import SegmentedControl from '@/components/SegmentedControl';
import { ratingReasonError, STAR_OPTIONS, starsText } from '@/features/roster/model/rating';
import { decideRating } from '@/features/roster/services/roster';

interface Props {
  year: number;
  proposal: RatingProposal | null;
  onDone: () => void;
  onClose: () => void;
}

/** 评定: the committee chooses a branch's stars (the system's proposal preselected) and writes why. */
export default function RatingDecideDialog({ year, proposal, onDone, onClose }: Props) {
  const [stars, setStars] = useState('3');
  useEffect(() => {
    if (proposal) setStars(String(proposal.decision?.stars ?? proposal.proposedStars));
  }, [proposal]);
  return (
    <ReasonDialog
      subject={proposal}
      title={proposal ? `评定${proposal.name}${year}年度星级` : ''}
      confirmText="确认评定"
      className="e2e-rating-dialog"
      reasonClassName="e2e-rating-reason"
      placeholder="评定理由（必填），将随结果公示"
      validate={ratingReasonError}
      submit={(reason) => decideRating({ orgId: proposal?.orgId ?? '', year, stars: Number(stars), reason })}
      successText="已评定，进入公示"
      onDone={onDone}
      onClose={onClose}
      footnote="评定后进入公示期，公示期内可以修改，期满后不能再改。"
    >
      {proposal ? (
        <View>
          <Text className="zb-dialog__text">{`系统建议 ${starsText(proposal.proposedStars)}（${proposal.score} 分）`}</Text>
          <SegmentedControl
            options={STAR_OPTIONS}
            value={stars as (typeof STAR_OPTIONS)[number]['value']}
            onChange={setStars}
            className="e2e-rating-stars"
          />
        </View>
      ) : null}
    </ReasonDialog>
  );
}
