import type { EvidenceStore } from '@duty/api/evidence-store';
import { ErrorCode } from '@duty/shared/errors';
import type { Request, Response } from 'express';
import { sendError } from '../access/http-access';
import { receiveEvidenceUpload, ReceiveResult, UploadLimits } from './evidence-upload';

/**
 * Receives a multipart upload into the store's staging area (evidence files, comment
 * attachments), or answers the client's error itself and returns null: a broken or abandoned
 * body (everything staged was discarded), or refused files, each named with its reason.
 */
export async function receiveUploadOrReply(
  req: Request,
  res: Response,
  store: EvidenceStore,
  limits: UploadLimits,
): Promise<Extract<ReceiveResult, { ok: true }> | null> {
  const received = await receiveEvidenceUpload(req, store, limits).catch(() => null);
  if (!received) {
    sendError(res, ErrorCode.BAD_REQUEST, '上传未完成（连接中断或格式错误），未保存任何文件。');
    return null;
  }
  if (!received.ok) {
    sendError(
      res,
      received.code as ErrorCode,
      received.message,
      { files: received.rejected },
      received.status,
    );
    return null;
  }
  return received;
}
