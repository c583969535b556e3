import type { DetectionFailureCode } from './types';

/** Thrown by the parsers, turned into a `{ ok: false }` result by `detectFileType`. */
export class DetectionError extends Error {
  constructor(
    readonly code: DetectionFailureCode,
    readonly reason: string,
  ) {
    super(`${code}: ${reason}`);
    this.name = 'DetectionError';
  }
}

export function zipInvalid(detail: string): DetectionError {
  return new DetectionError('ZIP_INVALID', `文件结构不合法或已损坏（ZIP 容器：${detail}）`);
}

export function cfbInvalid(detail: string): DetectionError {
  return new DetectionError('CFB_INVALID', `文件结构不合法或已损坏（OLE2 复合文档：${detail}）`);
}

/** A byte count for messages: `512 MiB`, `3.2 GiB`, `900 字节`. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '超过 8 PiB';
  const units = ['KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  if (bytes < 1024) return `${bytes} 字节`;
  let value = bytes;
  let unit = -1;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 100 || Number.isInteger(value) ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}
