import type { assessmentReportPdfZh } from './reportPdf.zh-CN';

/** English texts of the server-made PDF unit report (`assessmentReportPdf`). */
export const assessmentReportPdfEn: typeof assessmentReportPdfZh = {
  download: 'Download PDF',
  fileName: '{{unit}}-assessment-report.pdf',
  signature: 'Download signature',
  signatureHint:
    'The PDF’s signature file (.sig.json): evidence:verify checks offline that the PDF is unchanged',
};
