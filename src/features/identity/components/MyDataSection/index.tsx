import { Text, View } from '@tarojs/components';
import type { MyDataRow } from '@/features/identity/model/my-data';
import './index.scss';

interface Props {
  title: string;
  rows: MyDataRow[];
  /** What an empty section means. */
  empty: string;
  className?: string;
}

/** One kind of record on 我的数据: a titled card with a line per record, or what its absence means. */
export default function MyDataSection({ title, rows, empty, className }: Props) {
  return (
    <View className={`zb-mydata-section ${className ?? ''}`}>
      <View className="zb-mydata-section__head">
        <Text className="zb-mydata-section__title">{title}</Text>
        <Text className="zb-mydata-section__count">{`${rows.length} 条`}</Text>
      </View>
      {rows.length ? (
        rows.map((row) => (
          <View key={row.key} className="zb-mydata-section__row e2e-mydata-row">
            <View className="zb-mydata-section__main">
              <Text className="zb-mydata-section__row-title">{row.title}</Text>
              {row.detail ? <Text className="zb-mydata-section__detail">{row.detail}</Text> : null}
            </View>
            {row.value ? <Text className="zb-mydata-section__value">{row.value}</Text> : null}
          </View>
        ))
      ) : (
        <Text className="zb-mydata-section__empty">{empty}</Text>
      )}
    </View>
  );
}
