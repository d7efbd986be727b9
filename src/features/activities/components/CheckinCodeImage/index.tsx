import { Image } from '@tarojs/components';
import type { ActivityOutputs } from '@contracts';
import QrCode from '@/components/QrCode';

/** An activity's sign-in code: the 小程序码 where the server made one, else the link's QR code. */
export default function CheckinCodeImage({ code, className }: { code: ActivityOutputs['code']; className?: string }) {
  if (code.image)
    return <Image src={code.image} mode="aspectFit" className={`${className ?? ''} e2e-checkin-wxacode`} />;
  return <QrCode value={code.url} className={className} />;
}
