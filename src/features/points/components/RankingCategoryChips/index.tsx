import { View } from '@tarojs/components';
import { STATUS_CATEGORIES, type StatusCategory } from '@/utils/status-categories';
import './index.scss';

interface Props {
  value: StatusCategory;
  onChange: (value: StatusCategory) => void;
}

/** 积分排名 by category: 全部 / 党员 / 发展对象 / 入党积极分子 / 入党申请人. */
export default function RankingCategoryChips({ value, onChange }: Props) {
  return (
    <View className="zb-pcat e2e-points-categories">
      {STATUS_CATEGORIES.map((category) => (
        <View
          key={category.key}
          className={`zb-pcat__chip e2e-points-category-${category.key} ${category.key === value ? 'zb-pcat__chip--on' : ''}`}
          onClick={() => onChange(category.key)}
        >
          {category.label}
        </View>
      ))}
    </View>
  );
}
