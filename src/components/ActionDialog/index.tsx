import type { PropsWithChildren } from 'react';
import Dialog from '@/components/Dialog';
import './index.scss';

interface Props {
  visible: boolean;
  title: string;
  confirmText: string;
  /** Throw (or reject) to keep the dialog open, e.g. when a required field is empty. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
  className?: string;
}

/** A confirm dialog with content (a reason field, a picker) that stays open until its action succeeds. */
export default function ActionDialog({
  visible,
  title,
  confirmText,
  onConfirm,
  onClose,
  className,
  children,
}: PropsWithChildren<Props>) {
  return (
    <Dialog
      className={`zb-dialog ${className ?? ''}`}
      visible={visible}
      title={title}
      confirmText={confirmText}
      cancelText="取消"
      onConfirm={onConfirm}
      onCancel={onClose}
      onClose={onClose}
    >
      {children}
    </Dialog>
  );
}

/** Thrown from onConfirm to keep a dialog open without an error toast. */
export class KeepOpen extends Error {}
