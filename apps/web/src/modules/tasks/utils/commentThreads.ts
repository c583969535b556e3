/** What the thread builder needs of a comment. */
export interface ThreadComment {
  id: string;
  parentId: string | null;
  kind: 'COMMENT' | 'INSTRUCTION';
  pinned: boolean;
  createdAt: string;
}

export interface CommentThread<C extends ThreadComment> {
  root: C;
  /** Every reply under the root (replies to replies too), oldest first, with their depth. */
  replies: Array<{ comment: C; depth: number }>;
}

/**
 * Threads for display: pinned instructions (批示) first, newest first among them, then the other
 * threads oldest first; replies under their root in time order, nested replies indented by
 * depth (capped for display). A reply whose parent is unknown is shown as a root.
 */
export function buildCommentThreads<C extends ThreadComment>(
  comments: readonly C[],
  maxDepth = 3,
): CommentThread<C>[] {
  const byId = new Map(comments.map((c) => [c.id, c]));
  const children = new Map<string, C[]>();
  const roots: C[] = [];
  const byTime = [...comments].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  );
  for (const c of byTime) {
    if (c.parentId && byId.has(c.parentId) && c.parentId !== c.id) {
      const list = children.get(c.parentId) ?? [];
      list.push(c);
      children.set(c.parentId, list);
    } else {
      roots.push(c);
    }
  }
  const threads = roots.map((root) => {
    const replies: CommentThread<C>['replies'] = [];
    const seen = new Set<string>([root.id]);
    const walk = (id: string, depth: number) => {
      for (const child of children.get(id) ?? []) {
        if (seen.has(child.id)) continue;
        seen.add(child.id);
        replies.push({ comment: child, depth: Math.min(depth, maxDepth) });
        walk(child.id, depth + 1);
      }
    };
    walk(root.id, 1);
    return { root, replies };
  });
  const pinned = threads
    .filter((t) => t.root.pinned)
    .sort((a, b) => b.root.createdAt.localeCompare(a.root.createdAt));
  const others = threads.filter((t) => !t.root.pinned);
  return [...pinned, ...others];
}

/** Server limit on a comment's length (the API answers longer bodies with VALIDATION_FAILED). */
export const MAX_COMMENT_LENGTH = 5000;

/** Roles a comment may mention (the API refuses others). */
export const MENTION_ROLES = [
  'PROVINCIAL_SUPERVISOR',
  'PREFECTURE_SUPERVISOR',
  'COUNTY_OPERATOR',
] as const;
export type MentionRole = (typeof MENTION_ROLES)[number];

/** A mention as the API takes it: a unit code or a role. */
export interface CommentMentionDraft {
  unitCode?: string;
  role?: MentionRole;
}

/** Mentions from the composer's select values `unit:420000` / `role:X`; others are ignored. */
export function mentionsFromKeys(keys: readonly string[]): CommentMentionDraft[] {
  return keys.flatMap((key): CommentMentionDraft[] => {
    const at = key.indexOf(':');
    const [type, value] = [key.slice(0, at), key.slice(at + 1)];
    if (at < 0 || !value) return [];
    if (type === 'unit') return [{ unitCode: value }];
    if (type === 'role' && (MENTION_ROLES as readonly string[]).includes(value)) {
      return [{ role: value as MentionRole }];
    }
    return [];
  });
}

/** POST /api/tasks/:id/comment-attachments[?asEvidence=1] */
export function commentAttachmentUploadUrl(taskId: string, asEvidence: boolean): string {
  return `/api/tasks/${encodeURIComponent(taskId)}/comment-attachments${asEvidence ? '?asEvidence=1' : ''}`;
}

/** The attachment ids in a successful upload answer (`{ attachments: [{ id }] }`), else []. */
export function attachmentIdsFromResponse(bodyText: string): string[] {
  try {
    const parsed = JSON.parse(bodyText) as { attachments?: Array<{ id?: unknown }> };
    return (parsed.attachments ?? []).flatMap((a) => (typeof a.id === 'string' ? [a.id] : []));
  } catch {
    return [];
  }
}

type HistoryFacts =
  | { kind: 'comment' | 'instruction'; excerpt: string; reply: boolean }
  | { kind: 'not_applicable_requested' | 'not_applicable_revoked' }
  | { kind: 'not_applicable_decided'; approved: boolean };

/** What a comment or 不适用 history event says (undefined for other kinds). */
export function commentHistoryFacts(event: {
  kind: string;
  after?: unknown;
}): HistoryFacts | undefined {
  const after =
    event.after && typeof event.after === 'object' ? (event.after as Record<string, unknown>) : {};
  switch (event.kind) {
    case 'comment':
    case 'instruction':
      return {
        kind: event.kind,
        excerpt: typeof after.excerpt === 'string' ? after.excerpt : '',
        reply: typeof after.parentId === 'string',
      };
    case 'not_applicable_requested':
    case 'not_applicable_revoked':
      return { kind: event.kind };
    case 'not_applicable_decided':
      return { kind: event.kind, approved: after.notApplicableStatus === 'APPROVED' };
    default:
      return undefined;
  }
}
