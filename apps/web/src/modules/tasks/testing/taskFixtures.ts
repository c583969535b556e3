import { cycle } from '../../../test/fixtures';

// GraphQL answers for the tasks module's tests, as the API sends them (with __typename).

export const cycles = [
  cycle({
    id: 'c-2026',
    year: 2026,
    title: '2026年度考核',
    state: 'closed',
    closedAt: '2027-01-05T02:00:00.000Z',
  }),
  cycle({ id: 'c-2025', year: 2025, title: '2025年度考核' }),
];

export const unit = (code: string, name: string, level = 'COUNTY', parentCode = '420100') => ({
  __typename: 'AdminUnit',
  code,
  name,
  level,
  parentCode,
});

export const filterOptions = {
  departmentKinds: [
    { __typename: 'DepartmentKind', code: 'SCJG', name: '市场监督管理' },
    { __typename: 'DepartmentKind', code: 'FZGG', name: '发展改革' },
  ],
  adminUnits: [
    unit('420100', '武汉市', 'PREFECTURE', '420000'),
    unit('420102', '江岸区'),
    unit('422800', '恩施土家族苗族自治州', 'PREFECTURE', '420000'),
    unit('422801', '恩施市', 'COUNTY', '422800'),
  ],
};

export function listRow(overrides: Record<string, unknown> & { id: string }) {
  const duty = overrides.duty as { subject?: string; text?: string } | undefined;
  return {
    __typename: 'Task',
    status: 'IN_PROGRESS',
    overdue: false,
    dueDate: '2025-12-31',
    evidenceCount: 0,
    updatedAt: '2025-03-01T02:00:00.000Z',
    updatedBy: 'jiangan-scjg',
    returnCount: 0,
    retiredAt: null,
    notApplicableStatus: null,
    article: { __typename: 'Article', id: 'a-12', number: 12, title: '质量工作机制' },
    unit: { __typename: 'AdminUnit', code: '420102', name: '江岸区' },
    leadDepartment: { __typename: 'Department', id: 'dep-1', name: '江岸区市场监督管理局' },
    ...overrides,
    duty: {
      __typename: 'Duty',
      id: `d-${overrides.id}`,
      subject: '建立质量工作协调机制',
      text: `县级以上人民政府应当${duty?.subject ?? '建立质量工作协调机制'}。`,
      ...duty,
    },
  };
}

export function tasksPage(
  nodes: unknown[],
  totalCount = nodes.length,
  endCursor: string | null = null,
) {
  return {
    data: {
      tasks: {
        __typename: 'TaskConnection',
        totalCount,
        pageInfo: { __typename: 'PageInfo', endCursor, hasNextPage: !!endCursor },
        nodes,
      },
    },
  };
}

/** How the API names the people of these fixtures (name and office, issue 17). */
const PEOPLE: Record<string, string> = {
  system: '系统（自动）',
  'jiangan-scjg': '王晓燕（江岸区市场监督管理局质量股）',
  'enshi-zhou': '张明辉（恩施州市场监督管理局质量发展科）',
  province: '李文华（湖北省市场监督管理局质量发展局）',
};

/** A Person as the API resolves a username (null for no username). */
export function person(username: string | null | undefined) {
  if (!username) return null;
  return { __typename: 'Person', username, label: PEOPLE[username] ?? username };
}

export function historyEvent(overrides: Record<string, unknown> & { id: string; kind: string }) {
  const actorUsername = (overrides.actorUsername as string | undefined) ?? 'jiangan-scjg';
  return {
    __typename: 'TaskEvent',
    occurredAt: '2025-03-02T02:00:00.000Z',
    actorUsername,
    actor: {
      __typename: 'Person',
      username: actorUsername,
      label: PEOPLE[actorUsername] ?? actorUsername,
    },
    reason: null,
    before: null,
    after: null,
    ...overrides,
  };
}

export function evidence(overrides: Record<string, unknown> & { id: string }) {
  return {
    __typename: 'Evidence',
    lineageId: overrides.id,
    version: 1,
    fileName: '江岸区质量工作方案.pdf',
    fileType: 'pdf',
    mimeType: 'application/pdf',
    size: 204800,
    description: '',
    documentNumber: '岸政办〔2025〕3号',
    issuingAuthority: '江岸区人民政府办公室',
    documentDate: '2025-02-20',
    uploadedBy: 'jiangan-scjg',
    uploader: person('jiangan-scjg'),
    uploadedAt: '2025-03-01T02:00:00.000Z',
    previewable: true,
    contentUrl: `/api/evidence/${overrides.id}/content`,
    current: true,
    sha256: 'ab'.repeat(32),
    ...overrides,
  };
}

export function taskDetail(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Task',
    id: 't-1',
    cycleId: 'c-2025',
    status: 'IN_PROGRESS',
    overdue: false,
    dueDate: '2025-12-31',
    rowVersion: 7,
    progressNote: '已起草工作方案',
    measures: '成立工作专班',
    evidenceCount: 1,
    extensionCount: 0,
    returnCount: 0,
    retiredAt: null,
    completedAt: null,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-03-01T02:00:00.000Z',
    updatedBy: 'jiangan-scjg',
    updater: person('jiangan-scjg'),
    unit: {
      __typename: 'AdminUnit',
      code: '420102',
      name: '江岸区',
      level: 'COUNTY',
      parentCode: '420100',
    },
    leadDepartment: { __typename: 'Department', id: 'dep-1', name: '江岸区市场监督管理局' },
    assists: [
      {
        __typename: 'TaskAssist',
        departmentId: 'dep-2',
        contributionNote: '',
        updatedAt: null,
        updatedBy: null,
        updater: null,
        department: { __typename: 'Department', id: 'dep-2', name: '江岸区发展和改革局' },
      },
    ],
    article: {
      __typename: 'Article',
      id: 'a-12',
      number: 12,
      title: '质量工作机制',
      chapter: { __typename: 'Chapter', id: 'ch-2', number: 2, title: '质量发展' },
      paragraphs: [
        {
          __typename: 'Paragraph',
          id: 'p-1',
          number: 1,
          text: '县级以上人民政府应当建立质量工作协调机制，统筹质量促进工作。',
          items: [],
        },
      ],
    },
    duty: {
      __typename: 'Duty',
      id: 'd-1',
      subject: '建立质量工作协调机制',
      text: '县级以上人民政府应当建立质量工作协调机制',
      actorText: '县级以上人民政府',
      modality: 'MANDATORY',
      paragraphNumber: 1,
      itemNumber: 0,
    },
    capabilities: {
      __typename: 'TaskCapabilities',
      edit: true,
      transitions: ['SUBMITTED'],
      requestExtension: true,
      decideExtension: false,
      contribute: false,
    },
    evidence: [evidence({ id: 'e-1' })],
    extensionRequests: [],
    history: [
      historyEvent({
        id: 'h-1',
        kind: 'created',
        actorUsername: 'system',
        occurredAt: '2025-01-01T00:00:00.000Z',
        after: { status: 'NOT_STARTED', dueDate: '2025-12-31' },
      }),
      historyEvent({
        id: 'h-2',
        kind: 'status',
        before: { status: 'NOT_STARTED' },
        after: { status: 'IN_PROGRESS' },
      }),
      historyEvent({
        id: 'h-3',
        kind: 'evidence_added',
        after: { fileName: '江岸区质量工作方案.pdf', version: 1 },
      }),
    ],
    ...overrides,
  };
}
