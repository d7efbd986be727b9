import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import Overlay from '@/components/Overlay';
import './index.scss';

export interface DialogProps {
  visible: boolean;
  title?: ReactNode;
  /** The confirm button's text (确认 when not given). */
  confirmText?: string;
  cancelText?: string;
  hideCancelButton?: boolean;
  disableConfirmButton?: boolean;
  /**
   * The confirm button: while a returned promise is pending the button spins; when it resolves the
   * dialog calls onClose, when it rejects the dialog stays open.
   */
  onConfirm?: () => unknown;
  /** The cancel button and a tap on the overlay. */
  onCancel?: () => void;
  /** After a confirmation succeeded. */
  onClose?: () => void;
  className?: string;
  children?: ReactNode;
}

const Z_INDEX = 1200;

/**
 * A centred dialog: title, content, 取消 and a confirm button. It has NutUI's Dialog props that the
 * app uses and its look and class names (`nut-dialog-*`, which styles and tests select), without the
 * Popup, Overlay, transition and config machinery NutUI's brings into the main package.
 */
export default function Dialog({
  visible,
  title,
  confirmText = '确认',
  cancelText = '取消',
  hideCancelButton = false,
  disableConfirmButton = false,
  onConfirm,
  onCancel,
  onClose,
  className,
  children,
}: DialogProps) {
  const [loading, setLoading] = useState(false);
  if (!visible) return null;
  const block = hideCancelButton ? ' nut-dialog-footer-block' : '';

  const confirm = async () => {
    setLoading(true);
    try {
      await onConfirm?.();
    } catch {
      // The caller keeps the dialog open (KeepOpen, or a failure it has already shown).
      setLoading(false);
      return;
    }
    setLoading(false);
    onClose?.();
  };

  return (
    <View catchMove>
      <Overlay zIndex={Z_INDEX} onClick={onCancel} />
      <View className={`nut-dialog-outer ${className ?? ''}`} style={{ zIndex: Z_INDEX }}>
        <View className="nut-dialog">
          {title ? <View className="nut-dialog-header">{title}</View> : null}
          <View className="nut-dialog-content">{children}</View>
          <View className="nut-dialog-footer">
            {hideCancelButton ? null : (
              <Button
                type="default"
                size="large"
                className={`nut-dialog-footer-cancel${block}`}
                onClick={(e) => {
                  e.stopPropagation();
                  onCancel?.();
                }}
              >
                {cancelText}
              </Button>
            )}
            <Button
              type="primary"
              size="large"
              className={`nut-dialog-footer-ok${block}${disableConfirmButton ? ' disabled' : ''}`}
              disabled={disableConfirmButton}
              loading={loading}
              onClick={(e) => {
                e.stopPropagation();
                void confirm();
              }}
            >
              {confirmText}
            </Button>
          </View>
        </View>
      </View>
    </View>
  );
}
