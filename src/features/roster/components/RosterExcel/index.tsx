import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Dialog from '@/components/Dialog';
import { useState } from 'react';
import type { ImportPreview, PartyStatus } from '@contracts';
import { isApiRequestError } from '@/services/client';
import type { ErrorDetail } from '@/services/errors';
import type { PickedFile } from '@/services/files';
import {
  confirmRosterImport,
  downloadImportTemplate,
  downloadRefusedRows,
  exportRoster,
  previewRosterImport,
} from '@/features/roster/services/roster-files';
import {
  importResultText,
  issuePlace,
  memberLine,
  previewChoice,
  previewCounts,
} from '@/features/roster/model/import-preview';
import { toastSuccess } from '@/utils/feedback';
import { useSubmit } from '@/hooks/useFormSubmit';
import ExcelPicker from '@/features/roster/components/ExcelPicker';
import './index.scss';

interface Props {
  orgId: string;
  orgName: string;
  /** 导出 holds only these 党员身份 (the page's chip), everyone when left out. */
  statuses?: PartyStatus[];
  /** 下载模板 and 导入 are for those who may write the roster; everyone here may export. */
  canImport: boolean;
  onImported: () => void;
}

type Busy = '' | 'template' | 'import' | 'confirm' | 'refused' | 'export';

/** Members and problems listed in the preview (the counts are whole; the refused rows file has every problem). */
const LISTED = 20;

/**
 * 下载模板 / 导入 / 导出 for one branch's roster. An import is previewed first (what each row
 * would do, and why a row is refused); nothing changes until the secretary confirms.
 */
export default function RosterExcel({ orgId, orgName, statuses, canImport, onImported }: Props) {
  const { busy, send } = useSubmit<Exclude<Busy, ''>>();
  const [report, setReport] = useState<{ message: string; rows: ErrorDetail[] } | null>(null);
  const [previewed, setPreviewed] = useState<{ fileID: string; preview: ImportPreview } | null>(null);

  const run: typeof send = (kind, task, options) => (busy ? Promise.resolve(false) : send(kind, task, options));
  // A refused request is reported row by row instead of toasted.
  const reportRows = (e: unknown) => {
    if (!isApiRequestError(e) || !e.details?.length) return false;
    setPreviewed(null);
    setReport({ message: e.message, rows: e.details });
    return true;
  };

  const template = () => run('template', downloadImportTemplate);
  const exportAll = () => run('export', () => exportRoster(orgId, statuses));
  const importFile = (file: PickedFile) =>
    run('import', () => previewRosterImport(orgId, file), { onDone: setPreviewed, onError: reportRows });
  const choice = previewed ? previewChoice(previewed.preview) : null;
  const confirm = () => {
    if (!previewed || !choice?.confirmText) return;
    const { fileID, preview } = previewed;
    void run('confirm', () => confirmRosterImport(orgId, fileID, preview.previewId, choice.skipInvalid), {
      onDone: (res) => {
        setPreviewed(null);
        toastSuccess(importResultText(res));
        onImported();
      },
      onError: reportRows,
    });
  };
  const refused = previewed?.preview.refusedRows;
  const downloadRefused = () => (refused ? run('refused', () => downloadRefusedRows(refused)) : undefined);

  return (
    <View className="zb-excel">
      <Text className="zb-excel__label">Excel 花名册</Text>
      <View className="zb-excel__row">
        {canImport ? (
          <>
            <Button
              size="small"
              fill="outline"
              className="zb-excel__btn e2e-roster-template"
              loading={busy === 'template'}
              onClick={template}
            >
              下载模板
            </Button>
            <ExcelPicker
              className="zb-excel__btn e2e-roster-import"
              loading={busy === 'import'}
              disabled={!!busy}
              onPick={importFile}
            >
              导入
            </ExcelPicker>
          </>
        ) : null}
        <Button
          size="small"
          fill="outline"
          type="primary"
          className="zb-excel__btn e2e-roster-export"
          loading={busy === 'export'}
          onClick={exportAll}
        >
          导出
        </Button>
      </View>
      <Dialog
        className="zb-dialog e2e-import-preview"
        visible={!!previewed}
        title="导入预览"
        confirmText={choice?.confirmText ?? '知道了'}
        cancelText="取消"
        hideCancelButton={!choice?.confirmText}
        disableConfirmButton={busy === 'confirm'}
        onConfirm={() => (choice?.confirmText ? confirm() : setPreviewed(null))}
        onCancel={() => setPreviewed(null)}
        onClose={() => setPreviewed(null)}
      >
        {previewed ? <PreviewBody preview={previewed.preview} orgName={orgName} onDownload={downloadRefused} /> : null}
      </Dialog>
      <Dialog
        className="zb-dialog e2e-import-report"
        visible={!!report}
        title="导入未完成"
        confirmText="知道了"
        hideCancelButton
        onConfirm={() => setReport(null)}
        onClose={() => setReport(null)}
      >
        {report ? (
          <View className="zb-excel__report">
            <Text className="zb-excel__report-lead">{report.message}</Text>
            <Text className="zb-excel__report-note">{`「${orgName}」的花名册没有改动。请在 Excel 中修改以下各行：`}</Text>
            {report.rows.map((r, i) => (
              <View className="zb-excel__report-row e2e-import-error-row" key={`${r.row}-${r.field}-${i}`}>
                <Text className="zb-excel__report-where">{`第 ${r.row} 行`}</Text>
                <Text className="zb-excel__report-what">{r.message}</Text>
              </View>
            ))}
          </View>
        ) : null}
      </Dialog>
    </View>
  );
}

function PreviewBody({
  preview,
  orgName,
  onDownload,
}: {
  preview: ImportPreview;
  orgName: string;
  onDownload: () => void;
}) {
  return (
    <View className="zb-excel__report">
      <Text className="zb-excel__report-lead e2e-import-counts">{previewCounts(preview)}</Text>
      <Text className="zb-excel__report-note">{`导入到「${orgName}」；确认前花名册不会改动。`}</Text>
      <Text className="zb-excel__report-note">{`识别的列：${preview.recognizedColumns.join('、')}`}</Text>
      {preview.ignoredColumns.length ? (
        <Text className="zb-excel__report-note">{`不导入的列：${preview.ignoredColumns.join('、')}`}</Text>
      ) : null}
      {preview.errors.slice(0, LISTED).map((e, i) => (
        <View className="zb-excel__report-row e2e-import-error-row" key={`e${e.row}-${e.column}-${i}`}>
          <Text className="zb-excel__report-where">{issuePlace(e)}</Text>
          <Text className="zb-excel__report-what">{e.message}</Text>
        </View>
      ))}
      {preview.errorCount > LISTED ? (
        <Text className="zb-excel__report-note">{`另有 ${preview.errorCount - LISTED} 处问题，见下载的文件`}</Text>
      ) : null}
      {preview.refusedRows ? (
        <Button size="small" fill="outline" className="zb-excel__refused e2e-import-refused" onClick={onDownload}>
          下载有误的行（改正后重新导入）
        </Button>
      ) : null}
      {preview.warnings.slice(0, LISTED).map((w, i) => (
        <View className="zb-excel__report-row zb-excel__report-row--warning" key={`w${w.row}-${i}`}>
          <Text className="zb-excel__report-where">{issuePlace(w)}</Text>
          <Text className="zb-excel__report-what">{w.message}</Text>
        </View>
      ))}
      {preview.members.slice(0, LISTED).map((m) => (
        <Text className="zb-excel__report-member e2e-import-member" key={`m${m.row}`}>
          {memberLine(m)}
        </Text>
      ))}
    </View>
  );
}
