import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import MyDataSection from '@/features/identity/components/MyDataSection';
import PageShell from '@/components/PageShell';
import { ErrorState, LoadingSkeleton } from '@/components/StateViews';
import { formatDateTime } from '@/utils/dates';
import { myDataSections } from '@/features/identity/model/my-data';
import { useMyData } from '@/features/identity/hooks/useMyData';
import './index.scss';

/** 我的数据: everything the app holds about the member, and its Excel download (PIPL Art. 45). */
export default function MyData() {
  const { data, exporting, download } = useMyData();

  usePullDownRefresh(() => {
    void data.reload().finally(() => Taro.stopPullDownRefresh());
  });

  if (data.error)
    return (
      <PageShell>
        <ErrorState error={data.error} onRetry={data.reload} />
      </PageShell>
    );
  if (!data.data)
    return (
      <PageShell>
        <LoadingSkeleton rows={4} cards={3} />
      </PageShell>
    );

  return (
    <PageShell className="zb-mydata e2e-mydata">
      <View className="zb-mydata__intro">
        <Text className="zb-mydata__lead">这里列出支部通保存的关于您的全部信息，只有您本人能看到这一页。</Text>
        <Text className="zb-mydata__meta">{`更新于 ${formatDateTime(data.data.generatedAt)}`}</Text>
        <Button
          block
          type="primary"
          size="large"
          loading={exporting}
          className="zb-mydata__download e2e-mydata-export"
          onClick={() => void download()}
        >
          下载 Excel
        </Button>
      </View>
      {myDataSections(data.data).map((section) => (
        <MyDataSection
          key={section.id}
          title={section.title}
          rows={section.rows}
          empty={section.empty}
          className={`e2e-mydata-${section.id}`}
        />
      ))}
      <Text className="zb-mydata__note">如发现信息有误，请联系所在支部书记更正。</Text>
    </PageShell>
  );
}
