import { Text, View } from '@tarojs/components';
import type { MeOutput } from '@contracts';
import { roleLabel } from '@/features/roster/model';
import { PARTY_STATUS_LABEL } from '@/features/roster/model';
import './index.scss';

/** 我的: who I am. My own phone is shown in full — this is my own view. */
export default function ProfileHeader({ me }: { me: MeOutput }) {
  const m = me.member;
  const name = m?.name ?? me.declaration?.name ?? '未亮身份';
  return (
    <View className="zb-profile e2e-profile">
      <View className="zb-profile__avatar">
        <Text>{name.slice(-2)}</Text>
      </View>
      <View className="zb-profile__main">
        <Text className="zb-profile__name">{name}</Text>
        {m ? <Text className="zb-profile__line">{`${m.orgName} · ${PARTY_STATUS_LABEL[m.partyStatus]}`}</Text> : null}
        {m ? <Text className="zb-profile__line e2e-profile-phone">{`手机号 ${m.phone ?? '无'}`}</Text> : null}
        {me.roles.length ? <Text className="zb-profile__roles">{me.roles.map(roleLabel).join('、')}</Text> : null}
      </View>
    </View>
  );
}
