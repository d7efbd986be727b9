import Taro from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import '@nutui/nutui-react-taro/dist/styles/themes/default.css';
import './styles/theme.scss';
import './app.scss';
import { listenForPrivacyRequests } from './services/privacy';

if (process.env.TARO_ENV === 'weapp') {
  // CLOUD_ENV is set at build time (ZHIBU_CLOUD_ENV); empty means the environment DevTools is bound to.
  const dynamicEnv = (Taro.cloud as unknown as { DYNAMIC_CURRENT_ENV: string }).DYNAMIC_CURRENT_ENV;
  Taro.cloud.init({ env: CLOUD_ENV || dynamicEnv, traceUser: true });
  listenForPrivacyRequests();
}

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
