import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Switch from '@/components/Switch';
import type { ActivityFormValues } from '@/features/activities/model/activity-form';
import type { FieldErrors } from '@/utils/validation';
import { canPickLocation } from '@/features/activities/services/location-picker';
import { Field, TextField } from '@/components/Field';
import './index.scss';

interface Props {
  values: ActivityFormValues;
  errors: FieldErrors<ActivityFormValues>;
  onChange: <K extends keyof ActivityFormValues>(key: K, value: ActivityFormValues[K]) => void;
  onPick: () => void;
}

/**
 * The optional place of an activity: name, position and radius. WeChat picks the position on the
 * map (选择位置); other platforms take latitude and longitude as numbers.
 */
export default function ActivityPlaceFields({ values, errors, onChange, onPick }: Props) {
  const picked = values.lat && values.lng;
  return (
    <>
      <Field label="到场定位签到" hint="开启后，党员须在活动地点附近才能扫码签到">
        <View className="zb-actplace__switch">
          <Text className="zb-actplace__state">{values.hasPlace ? '已开启' : '不限地点'}</Text>
          <Switch
            className="e2e-activity-has-place"
            checked={values.hasPlace}
            onChange={(v: boolean) => onChange('hasPlace', v)}
          />
        </View>
      </Field>
      {values.hasPlace ? (
        <>
          {canPickLocation ? (
            <Field label="位置" required error={errors.lat ?? errors.lng}>
              <View className="zb-actplace__pick">
                <Text className={picked ? 'zb-actplace__coords' : 'zb-actplace__none'}>
                  {picked ? `纬度 ${values.lat}，经度 ${values.lng}` : '尚未选择'}
                </Text>
                <Button size="small" fill="outline" type="primary" className="e2e-activity-pick-place" onClick={onPick}>
                  选择位置
                </Button>
              </View>
            </Field>
          ) : (
            <>
              <TextField
                label="纬度"
                required
                value={values.lat}
                placeholder="如 31.2304"
                error={errors.lat}
                inputClassName="e2e-activity-lat"
                onChange={(v) => onChange('lat', v)}
              />
              <TextField
                label="经度"
                required
                value={values.lng}
                placeholder="如 121.4737"
                hint="可在地图应用中查到地点的坐标"
                error={errors.lng}
                inputClassName="e2e-activity-lng"
                onChange={(v) => onChange('lng', v)}
              />
            </>
          )}
          <TextField
            label="地点名称"
            required
            value={values.placeName}
            maxLength={60}
            placeholder="如：社区党群服务中心"
            error={errors.placeName}
            inputClassName="e2e-activity-place"
            onChange={(v) => onChange('placeName', v)}
          />
          <TextField
            label="签到范围（米）"
            required
            type="number"
            value={values.radius}
            maxLength={4}
            hint="50–5000 米，室内活动建议 300 米以上"
            error={errors.radius}
            inputClassName="e2e-activity-radius"
            onChange={(v) => onChange('radius', v)}
          />
        </>
      ) : null}
    </>
  );
}
