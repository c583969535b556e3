import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { i18n } from '../../../i18n';
import { chooseOption, openOptions } from '../../../test/antd';
import { currentUser } from '../../../test/fixtures';
import { stubGraphQLOperations } from '../../../test/graphqlFetch';
import { renderWithUser } from '../../../test/renderWithUser';
import { SelfScoreCard } from './SelfScoreCard';

const indicator = {
  __typename: 'AssessmentStageIndicator' as const,
  indicatorId: 'W1',
  name: '质量工作机制',
  chapter: 2,
  kind: 'work',
  planMarks: 60,
  selfScore: 50,
  narrative: '已建立质量工作联席会议制度',
  evidenceIds: ['e-old'],
  late: false,
  prefectureScore: null,
  prefectureComment: null,
  provincialScore: null,
  provincialComment: null,
  finalStage: 'self',
  earned: 50,
};

const file = (id: string, fileName: string, withdrawn = false) => ({
  __typename: 'AssessmentStageEvidence' as const,
  id,
  fileName,
  documentNumber: null,
  withdrawn,
  contentUrl: `/api/evidence/${id}/content`,
});

const operator = currentUser({ id: 'u-o', username: 'enshi-scjg', role: 'COUNTY_OPERATOR' });

let restoreFetch: () => void = () => undefined;
beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
});
afterEach(() => restoreFetch());

describe('SelfScoreCard', () => {
  it('attaches the unit’s evidence files to the self-assessment of an indicator', async () => {
    // The files come with the unit's staged assessment: no evidence explorer query.
    const stub = stubGraphQLOperations({
      SaveSelfAssessment: { data: { saveSelfAssessment: null } },
    });
    restoreFetch = stub.restore;
    renderWithUser(
      <SelfScoreCard
        cycleId="c2026"
        unitCode="422801"
        indicator={indicator}
        editable
        evidenceFiles={[
          file('e-new', '联席会议纪要.pdf'),
          file('e-old', '旧方案.pdf', true),
          file('e-other', '工作总结.pdf'),
        ]}
      />,
      operator,
    );
    const card = screen.getByTestId('self-W1');
    expect(within(card).getByText('佐证 1 份')).toBeTruthy();
    const select = within(card).getByLabelText('佐证材料');
    expect(await openOptions(select)).toEqual([
      '联席会议纪要.pdf',
      '旧方案.pdf（已撤回）',
      '工作总结.pdf',
    ]);
    await chooseOption(select, '联席会议纪要.pdf');
    // A file withdrawn since it was attached is marked; the operator removes it.
    const withdrawn = within(card).getByTitle('旧方案.pdf（已撤回）');
    fireEvent.click(withdrawn.querySelector('.ant-select-selection-item-remove') as HTMLElement);
    await act(async () => {
      fireEvent.click(
        within(card)
          .getByText(/^保\s*存$/)
          .closest('button') as HTMLElement,
      );
    });
    await waitFor(() => expect(stub.requestsOf('SaveSelfAssessment')).toHaveLength(1));
    expect(stub.requestsOf('SaveSelfAssessment')[0].variables).toEqual({
      input: {
        cycleId: 'c2026',
        unitCode: '422801',
        indicatorId: 'W1',
        selfScore: 50,
        narrative: '已建立质量工作联席会议制度',
        evidenceIds: ['e-new'],
      },
    });
    expect(stub.unexpected).toEqual([]);
  });
});
