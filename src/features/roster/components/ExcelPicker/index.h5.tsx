import { Button } from '@nutui/nutui-react-taro';
import { useRef, type ChangeEvent } from 'react';
import type { ExcelPickerProps } from './types';

/** H5: a button that opens a hidden <input type="file"> for .xlsx and .csv (.xls is offered so that the import can say to save it as .xlsx). */
export default function ExcelPicker({ onPick, disabled, loading, className, children }: ExcelPickerProps) {
  const input = useRef<HTMLInputElement>(null);
  const changed = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file) onPick({ name: file.name, file });
  };
  return (
    <>
      <Button
        size="small"
        fill="outline"
        type="primary"
        disabled={disabled}
        loading={loading}
        className={className}
        onClick={() => input.current?.click()}
      >
        {children}
      </Button>
      <input
        ref={input}
        type="file"
        accept=".xlsx,.csv,.xls,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
        className="e2e-import-input"
        style={{ display: 'none' }}
        onChange={changed}
      />
    </>
  );
}
