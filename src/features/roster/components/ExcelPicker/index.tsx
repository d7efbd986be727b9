import { Button } from '@nutui/nutui-react-taro';
import { pickExcel } from '@/services/files';
import { toastError } from '@/utils/feedback';
import type { ExcelPickerProps } from './types';

/** WeChat: choose an .xlsx sent in a chat (chooseMessageFile). H5 has its own file (index.h5.tsx). */
export default function ExcelPicker({ onPick, disabled, loading, className, children }: ExcelPickerProps) {
  const choose = async () => {
    try {
      const file = await pickExcel();
      if (file) onPick(file);
    } catch (e) {
      toastError(e);
    }
  };
  return (
    <Button
      size="small"
      fill="outline"
      type="primary"
      disabled={disabled}
      loading={loading}
      className={className}
      onClick={choose}
    >
      {children}
    </Button>
  );
}
