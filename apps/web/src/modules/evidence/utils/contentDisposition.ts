/**
 * The file name a `Content-Disposition` header proposes: the RFC 5987 `filename*` (e.g.
 * `filename*=UTF-8''%E4%BD%90%E8%AF%81.zip`, how the API sends Chinese names) wins over the
 * plain ASCII `filename`, which the API fills with `_` for every non-ASCII character.
 */
export function fileNameFromContentDisposition(
  header: string | null | undefined,
): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*\s*=\s*([^;]+)/i.exec(header)?.[1]?.trim();
  if (extended) {
    const match = /^([\w!#$%&+^`{}~-]*)'[^']*'(.*)$/.exec(extended.replace(/^"|"$/g, ''));
    if (match) {
      const [, charset, encoded] = match;
      try {
        const decoded =
          charset.toLowerCase() === 'utf-8' || charset === ''
            ? decodeURIComponent(encoded)
            : unescape(encoded);
        if (decoded) return safeFileName(decoded);
      } catch {
        // A malformed escape: fall back to the plain name below.
      }
    }
  }
  const quoted = /filename\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec(header)?.[1];
  const plain = quoted ?? /filename\s*=\s*([^;\s]+)/i.exec(header)?.[1];
  return plain ? safeFileName(plain.replace(/\\(.)/g, '$1')) : undefined;
}

/** Keeps only the last path segment, so a name can never point into another folder. */
function safeFileName(name: string): string | undefined {
  const base = name.split(/[/\\]/).pop()?.trim();
  return base ? base : undefined;
}
