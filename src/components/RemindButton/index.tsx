import { Button } from '@nutui/nutui-react-taro';
import { useSubmit } from '@/hooks/useFormSubmit';
import { toastInfo, toastSuccess } from '@/utils/feedback';

interface Props {
  /** 提醒未签到（3 人） */
  text: string;
  send: () => Promise<{ notified: number }>;
  className: string;
}

/** A secretary's one-tap reminder: sends, then says how many were told (nobody twice within the window). */
export default function RemindButton({ text, send, className }: Props) {
  const { busy, send: submit } = useSubmit<'remind'>();
  return (
    <Button
      block
      type="primary"
      fill="outline"
      loading={busy === 'remind'}
      className={className}
      onClick={() =>
        void submit('remind', send, {
          onDone: ({ notified }) =>
            notified ? toastSuccess(`已提醒 ${notified} 人`) : toastInfo('刚刚已提醒过，请稍后再试'),
        })
      }
    >
      {text}
    </Button>
  );
}
