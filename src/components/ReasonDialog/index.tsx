import { Text, Textarea } from '@tarojs/components';
import { useEffect, useState, type ReactNode } from 'react';
import { toastError, toastSuccess } from '@/utils/feedback';
import ActionDialog, { KeepOpen } from '@/components/ActionDialog';

interface Props {
  /** Shown while set; a new value also clears the reason typed for the previous one. */
  subject: unknown;
  title: string;
  confirmText: string;
  className: string;
  reasonClassName: string;
  placeholder: string;
  /** A Chinese message when the reason will not do. */
  validate: (reason: string) => string | undefined;
  /** Sends the trimmed reason; a failure is toasted and keeps the dialog open. */
  submit: (reason: string) => Promise<unknown>;
  successText: string;
  onDone: () => void;
  onClose: () => void;
  /** What the action is about, above the reason field. */
  children: ReactNode;
  /** Below the reason field. */
  footnote?: string;
}

/** A confirmation that needs a written reason: 冲正, 异议, its resolution. */
export default function ReasonDialog(props: Props) {
  const { subject, validate, submit, successText, onDone } = props;
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    setReason('');
    setError('');
  }, [subject]);

  const confirm = async () => {
    if (!subject) return;
    const problem = validate(reason);
    if (problem) {
      setError(problem);
      throw new KeepOpen();
    }
    try {
      await submit(reason.trim());
    } catch (e) {
      toastError(e);
      throw e;
    }
    toastSuccess(successText);
    onDone();
  };

  return (
    <ActionDialog
      visible={!!subject}
      title={props.title}
      confirmText={props.confirmText}
      className={props.className}
      onConfirm={confirm}
      onClose={props.onClose}
    >
      {subject ? (
        <>
          {props.children}
          <Textarea
            className={`zb-dialog__textarea ${props.reasonClassName}`}
            value={reason}
            maxlength={200}
            placeholder={props.placeholder}
            onInput={(e) => {
              setReason(e.detail.value);
              setError('');
            }}
          />
          {props.footnote ? <Text className="zb-dialog__muted zb-resolve__hint">{props.footnote}</Text> : null}
          {error ? <Text className="zb-dialog__error e2e-field-error">{error}</Text> : null}
        </>
      ) : null}
    </ActionDialog>
  );
}
