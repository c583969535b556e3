import {
  attachmentIdsFromResponse,
  commentHistoryFacts,
  buildCommentThreads,
  commentAttachmentUploadUrl,
  mentionsFromKeys,
  type ThreadComment,
} from './commentThreads';

const c = (
  id: string,
  createdAt: string,
  parentId: string | null = null,
  kind: ThreadComment['kind'] = 'COMMENT',
): ThreadComment => ({ id, parentId, kind, pinned: kind === 'INSTRUCTION', createdAt });

describe('buildCommentThreads', () => {
  it('puts pinned instructions first (newest first), then threads oldest first', () => {
    const threads = buildCommentThreads([
      c('a', '2026-03-01T01:00:00Z'),
      c('i1', '2026-03-02T01:00:00Z', null, 'INSTRUCTION'),
      c('b', '2026-03-03T01:00:00Z'),
      c('i2', '2026-03-04T01:00:00Z', null, 'INSTRUCTION'),
    ]);
    expect(threads.map((t) => t.root.id)).toEqual(['i2', 'i1', 'a', 'b']);
  });

  it('nests replies under their root in time order, with depth capped', () => {
    const threads = buildCommentThreads(
      [
        c('r2', '2026-03-03T00:00:00Z', 'a'),
        c('a', '2026-03-01T00:00:00Z'),
        c('r1', '2026-03-02T00:00:00Z', 'a'),
        c('r1a', '2026-03-04T00:00:00Z', 'r1'),
        c('r1aa', '2026-03-05T00:00:00Z', 'r1a'),
      ],
      2,
    );
    expect(threads).toHaveLength(1);
    expect(threads[0].replies.map((r) => [r.comment.id, r.depth])).toEqual([
      ['r1', 1],
      ['r1a', 2],
      ['r1aa', 2],
      ['r2', 1],
    ]);
  });

  it('shows a reply whose parent is missing as a root, and survives a self-reference', () => {
    const threads = buildCommentThreads([
      c('orphan', '2026-03-01T00:00:00Z', 'gone'),
      c('self', '2026-03-02T00:00:00Z', 'self'),
    ]);
    expect(threads.map((t) => t.root.id)).toEqual(['orphan', 'self']);
  });
});

describe('comment helpers', () => {
  it('turns composer keys into API mentions and ignores malformed ones', () => {
    expect(
      mentionsFromKeys([
        'unit:422801',
        'role:PROVINCIAL_SUPERVISOR',
        'role:AUDITOR',
        'x:1',
        'unit:',
        'bad',
      ]),
    ).toEqual([{ unitCode: '422801' }, { role: 'PROVINCIAL_SUPERVISOR' }]);
  });

  it('builds the upload URL and reads attachment ids from the answer', () => {
    expect(commentAttachmentUploadUrl('t/1', true)).toBe(
      '/api/tasks/t%2F1/comment-attachments?asEvidence=1',
    );
    expect(commentAttachmentUploadUrl('t1', false)).toBe('/api/tasks/t1/comment-attachments');
    expect(attachmentIdsFromResponse('{"attachments":[{"id":"a"},{"id":2},{"id":"b"}]}')).toEqual([
      'a',
      'b',
    ]);
    expect(attachmentIdsFromResponse('<html>')).toEqual([]);
  });
});

describe('commentHistoryFacts', () => {
  it.each([
    [
      { kind: 'comment', after: { excerpt: '请说明', parentId: null } },
      { kind: 'comment', excerpt: '请说明', reply: false },
    ],
    [
      { kind: 'comment', after: { excerpt: '已落实', parentId: 'c1' } },
      { kind: 'comment', excerpt: '已落实', reply: true },
    ],
    [
      { kind: 'instruction', after: { excerpt: '月底前完成' } },
      { kind: 'instruction', excerpt: '月底前完成', reply: false },
    ],
    [
      { kind: 'not_applicable_decided', after: { notApplicableStatus: 'APPROVED' } },
      { kind: 'not_applicable_decided', approved: true },
    ],
    [
      { kind: 'not_applicable_decided', after: { notApplicableStatus: 'REJECTED' } },
      { kind: 'not_applicable_decided', approved: false },
    ],
    [{ kind: 'not_applicable_revoked', after: null }, { kind: 'not_applicable_revoked' }],
    [{ kind: 'status', after: { status: 'VERIFIED' } }, undefined],
  ])('%j', (event, facts) => {
    expect(commentHistoryFacts(event)).toEqual(facts);
  });
});
