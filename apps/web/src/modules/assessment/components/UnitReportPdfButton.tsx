import { FilePdfOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../hooks/useErrorText';
import { saveBlob } from '../../../utils/saveBlob';
import { downloadUnitReportPdf, signatureFileName } from '../utils/unitReportPdf';

export interface UnitReportPdfButtonProps {
  cycleId: string;
  unitCode: string;
  /** The unit's name, for the file name when the server sends none. */
  unitName: string;
}

/**
 * 下载 PDF: the unit report made on the server. Once it is saved, a second button saves its
 * detached signature (`.sig.json`), which `evidence:verify` checks against the PDF offline.
 */
export function UnitReportPdfButton({ cycleId, unitCode, unitName }: UnitReportPdfButtonProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [running, setRunning] = useState(false);
  const [signed, setSigned] = useState<{ fileName: string; signature: string } | null>(null);

  const download = async () => {
    setRunning(true);
    setSigned(null);
    try {
      const result = await downloadUnitReportPdf(
        cycleId,
        unitCode,
        t('assessmentReportPdf.fileName', { unit: unitName }),
      );
      if (!result.ok) {
        void message.error(errorText(result.error));
        return;
      }
      if (result.signature) setSigned({ fileName: result.fileName, signature: result.signature });
    } finally {
      setRunning(false);
    }
  };

  return (
    <>
      <Button icon={<FilePdfOutlined />} loading={running} onClick={() => void download()}>
        {t('assessmentReportPdf.download')}
      </Button>
      {signed && (
        <Button
          icon={<SafetyCertificateOutlined />}
          title={t('assessmentReportPdf.signatureHint')}
          onClick={() =>
            saveBlob(
              new Blob([signed.signature], { type: 'application/json' }),
              signatureFileName(signed.fileName),
            )
          }
        >
          {t('assessmentReportPdf.signature')}
        </Button>
      )}
    </>
  );
}
