import { Text, View } from '@tarojs/components';
import { Button, Dialog } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { isApiRequestError } from '@/services/client';
import type { ErrorDetail } from '@/services/errors';
import type { PickedFile } from '@/services/files';
import { downloadImportTemplate, exportRoster, importRoster } from '@/features/roster/services/roster-files';
import { toastSuccess } from '@/utils/feedback';
import { useSubmit } from '@/hooks/useFormSubmit';
import ExcelPicker from '@/features/roster/components/ExcelPicker';
import './index.scss';

interface Props {
  orgId: string;
  orgName: string;
  /** 下载模板 and 导入 are for those who may write the roster; everyone here may export. */
  canImport: boolean;
  onImported: () => void;
}

type Busy = '' | 'template' | 'import' | 'export';

/** 下载模板 / 导入 / 导出 for one branch's roster, with the row-by-row report of a refused import. */
export default function RosterExcel({ orgId, orgName, canImport, onImported }: Props) {
  const { busy, send } = useSubmit<Exclude<Busy, ''>>();
  const [report, setReport] = useState<{ message: string; rows: ErrorDetail[] } | null>(null);

  const run: typeof send = (kind, task, options) => (busy ? Promise.resolve(false) : send(kind, task, options));

  const template = () => run('template', downloadImportTemplate);
  const exportAll = () => run('export', () => exportRoster(orgId));
  const importFile = (file: PickedFile) =>
    run('import', () => importRoster(orgId, file), {
      onDone: (res) => {
        toastSuccess(`导入成功：新增 ${res.created} 人，更新 ${res.updated} 人`);
        onImported();
      },
      // A refused import is reported row by row instead of toasted.
      onError: (e) => {
        if (!isApiRequestError(e) || !e.details?.length) return false;
        setReport({ message: e.message, rows: e.details });
        return true;
      },
    });

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
