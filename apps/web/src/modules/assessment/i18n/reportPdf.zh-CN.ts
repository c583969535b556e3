/** Texts of the server-made PDF unit report (merged into zh-CN under `assessmentReportPdf`). */
export const assessmentReportPdfZh = {
  download: '下载 PDF',
  fileName: '{{unit}}-考核报告.pdf',
  signature: '下载签名文件',
  signatureHint: 'PDF 的签名文件（.sig.json），可用 evidence:verify 离线核验 PDF 未被改动',
};
