import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useSyncExternalStore } from 'react';
import Overlay from '@/components/Overlay';
import { answerPrivacyRequest, PRIVACY_AGREE_BUTTON_ID, privacyRequest } from '@/services/privacy';
import './index.scss';

/** The layer NutUI's Popup gave the notice (dialogs, at 1200, stay above it). */
const PRIVACY_Z_INDEX = 1001;

/**
 * WeChat's privacy notice, shown while a location, file or media request waits for the user's
 * consent (see services/privacy.ts). Every page renders it through PageShell; nothing shows otherwise.
 */
export default function PrivacyPopup() {
  const open = useSyncExternalStore(privacyRequest.subscribe, privacyRequest.get, privacyRequest.get);
  if (!open) return null;
  return (
    <>
      {/* Only an answer closes it: a tap on the overlay does nothing. */}
      <Overlay zIndex={PRIVACY_Z_INDEX} />
      <View className="zb-privacy" style={{ zIndex: PRIVACY_Z_INDEX }} catchMove>
        <Text className="zb-privacy__title">用户隐私保护提示</Text>
        <Text className="zb-privacy__text">
          签到时确认位置、导入花名册时选择聊天中的文件、发布课程时选择视频和图片，需要您先阅读并同意
        </Text>
        <Text className="zb-privacy__link" onClick={() => void Taro.openPrivacyContract({})}>
          《支部通隐私保护指引》
        </Text>
        <Text className="zb-privacy__text">拒绝后仍可使用其他功能。</Text>
        <View className="zb-privacy__actions">
          <Button className="zb-privacy__button" onClick={() => answerPrivacyRequest(false)}>
            不同意
          </Button>
          <Button
            id={PRIVACY_AGREE_BUTTON_ID}
            className="zb-privacy__button zb-privacy__button--agree"
            openType="agreePrivacyAuthorization"
            onAgreePrivacyAuthorization={() => answerPrivacyRequest(true)}
          >
            同意并继续
          </Button>
        </View>
      </View>
    </>
  );
}
