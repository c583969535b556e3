import { useCallback, useState } from 'react';
import {
  parseSpreadsheetAnswer,
  SPREADSHEET_URL,
  XLSX_TYPE,
  type SpreadsheetResult,
} from '../utils/spreadsheet';
import { sendWithProgress } from '../utils/evidenceUpload';

export interface UseSpreadsheetUploadResult {
  upload: (file: Blob) => Promise<SpreadsheetResult>;
  uploading: boolean;
  progress: number;
  result: SpreadsheetResult | undefined;
  clear: () => void;
}

/** Sends a filled task workbook (raw xlsx body) and keeps the server's report. */
export function useSpreadsheetUpload(onApplied: () => void): UseSpreadsheetUploadResult {
  const [uploading, setUploading] = useState(false);
  const [progress, setProgress] = useState(0);
  const [result, setResult] = useState<SpreadsheetResult>();
  const upload = useCallback(
    async (file: Blob) => {
      setUploading(true);
      setProgress(0);
      setResult(undefined);
      let answer: SpreadsheetResult;
      try {
        const { status, bodyText } = await sendWithProgress({
          url: SPREADSHEET_URL,
          body: file,
          contentType: XLSX_TYPE,
          onProgress: setProgress,
        }).promise;
        answer = parseSpreadsheetAnswer(status, bodyText);
      } catch {
        answer = { ok: false, code: 'SERVICE_UNAVAILABLE', problems: [] };
      }
      setResult(answer);
      setUploading(false);
      if (answer.ok) onApplied();
      return answer;
    },
    [onApplied],
  );
  const clear = useCallback(() => setResult(undefined), []);
  return { upload, uploading, progress, result, clear };
}
