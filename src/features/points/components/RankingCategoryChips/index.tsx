import { View } from '@tarojs/components';
import { RANKING_CATEGORIES, type RankingCategory } from '@/features/points/model/ranking-filter';
import './index.scss';

interface Props {
  value: RankingCategory;
  onChange: (value: RankingCategory) => void;
}

/** 积分排名 by category: 全部 / 党员 / 发展对象 / 入党积极分子 / 入党申请人. */
export default function RankingCategoryChips({ value, onChange }: Props) {
  return (
    <View className="zb-pcat e2e-points-categories">
      {RANKING_CATEGORIES.map((category) => (
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
