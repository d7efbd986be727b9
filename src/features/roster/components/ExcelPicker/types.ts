import type { PickedFile } from '@/services/files';

export interface ExcelPickerProps {
  /** Called with the file the user chose (never on cancel). */
  onPick: (file: PickedFile) => void;
  disabled?: boolean;
  loading?: boolean;
  className?: string;
  children: string;
}
