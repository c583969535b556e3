/** How a file is shown in the preview: in a frame (PDF), as a picture, or only downloaded. */
export type PreviewKind = 'pdf' | 'image' | 'none';

export function previewKind(file: { previewable: boolean; fileType: string }): PreviewKind {
  if (!file.previewable) return 'none';
  if (file.fileType === 'pdf') return 'pdf';
  if (file.fileType === 'jpeg' || file.fileType === 'png') return 'image';
  return 'none';
}

/** The URL that shows the file inline (same session). */
export function inlineUrl(contentUrl: string): string {
  return `${contentUrl}${contentUrl.includes('?') ? '&' : '?'}inline=1`;
}
