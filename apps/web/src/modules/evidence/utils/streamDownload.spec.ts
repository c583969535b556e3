import { DownloadError, downloadWithProgress } from './streamDownload';

/** A Response whose body arrives in the given chunks (jsdom has no fetch API). */
function streamingResponse(chunks: Uint8Array[], headers: Record<string, string>, status = 200) {
  let index = 0;
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: { get: (name: string) => headers[name.toLowerCase()] ?? null },
    body: {
      getReader: () => ({
        read: async () =>
          index < chunks.length
            ? { done: false, value: chunks[index++] }
            : { done: true, value: undefined },
      }),
    },
  } as unknown as Response;
}

function errorResponse(status: number, body: string) {
  return {
    ok: false,
    status,
    headers: { get: () => 'application/json' },
    text: async () => body,
  } as unknown as Response;
}

describe('downloadWithProgress', () => {
  it('reports the bytes received after each chunk and names the file', async () => {
    const fetchImpl = jest.fn(async () =>
      streamingResponse([new Uint8Array(1000), new Uint8Array(2500), new Uint8Array(24)], {
        'content-type': 'application/zip',
        'content-disposition': `attachment; filename="____.zip"; filename*=UTF-8''${encodeURIComponent('佐证材料包-全部.zip')}`,
      }),
    );
    const progress: number[] = [];

    const file = await downloadWithProgress('/api/evidence/pack?cycleId=c1', {
      fetchImpl: fetchImpl as unknown as typeof fetch,
      onProgress: (bytes) => progress.push(bytes),
    });

    expect(progress).toEqual([1000, 3500, 3524]);
    expect(file.fileName).toBe('佐证材料包-全部.zip');
    expect(file.bytes).toBe(3524);
    expect(file.blob.size).toBe(3524);
    expect(file.blob.type).toBe('application/zip');
    expect(fetchImpl).toHaveBeenCalledWith(
      '/api/evidence/pack?cycleId=c1',
      expect.objectContaining({ credentials: 'same-origin' }),
    );
  });

  it('turns a JSON error body into an error with its code and message', async () => {
    const fetchImpl = async () =>
      errorResponse(
        409,
        JSON.stringify({ code: 'EVIDENCE_INTEGRITY', message: '2 个佐证材料的存储文件缺失' }),
      );
    const error = await downloadWithProgress('/x', {
      fetchImpl: fetchImpl as unknown as typeof fetch,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DownloadError);
    expect((error as DownloadError).appError).toEqual({
      code: 'EVIDENCE_INTEGRITY',
      serverMessage: '2 个佐证材料的存储文件缺失',
    });
  });

  it('falls back to the HTTP status when the body is not JSON', async () => {
    const fetchImpl = async () => errorResponse(403, '<html>Forbidden</html>');
    const error = (await downloadWithProgress('/x', {
      fetchImpl: fetchImpl as unknown as typeof fetch,
    }).catch((e: unknown) => e)) as DownloadError;
    expect(error.appError).toEqual({ code: 'FORBIDDEN' });
  });

  it('reports a lost connection as the service being unavailable', async () => {
    const fetchImpl = async () => {
      throw new TypeError('Failed to fetch');
    };
    const error = (await downloadWithProgress('/x', {
      fetchImpl: fetchImpl as unknown as typeof fetch,
    }).catch((e: unknown) => e)) as DownloadError;
    expect(error.appError).toEqual({ code: 'SERVICE_UNAVAILABLE' });
  });
});
