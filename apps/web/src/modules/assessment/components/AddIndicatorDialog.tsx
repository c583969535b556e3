import { Alert, Form, Input, InputNumber, Modal, Radio, Select, Typography } from 'antd';
import { useMemo, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { regulationNumber } from '../../../utils/chineseNumerals';
import { usePlanDuties } from '../hooks/usePlanDuties';
import type { PlanIndicatorDraft } from '../utils/planDraft';
import {
  articlesOf,
  chapterOfDuties,
  dutyOwners,
  newIndicatorId,
  suggestedIndicatorName,
  type PlanArticle,
} from '../utils/planIndicators';

type Basis = 'duties' | 'article';

interface Values {
  basis: Basis;
  dutyIds?: string[];
  article?: number;
  name: string;
  weight: number | null;
}

const INITIAL_VALUES: Values = { basis: 'duties', dutyIds: [], name: '', weight: 1 };

export interface AddIndicatorDialogProps {
  open: boolean;
  /** The indicators of the draft: a duty may belong to one of them only. */
  indicators: readonly PlanIndicatorDraft[];
  regulationVersionId: string;
  onAdd: (indicator: PlanIndicatorDraft) => void;
  onClose: () => void;
}

/**
 * A new indicator (指标) of the plan draft: some duties of one chapter, or a whole article
 * (the API adds every tracked duty of it on save), with a name and a weight in the chapter.
 */
export function AddIndicatorDialog({
  open,
  indicators,
  regulationVersionId,
  onAdd,
  onClose,
}: AddIndicatorDialogProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const [form] = Form.useForm<Values>();
  // Whether the name shown is one the supervisor typed rather than one offered.
  const nameTyped = useRef(false);
  const basis: Basis = Form.useWatch('basis', form) ?? 'duties';
  const chosenDuties = Form.useWatch('dutyIds', form);
  const chosenArticle = Form.useWatch('article', form);
  const { duties, loading, error, retry } = usePlanDuties(regulationVersionId, !open);
  const articles = useMemo(() => articlesOf(duties), [duties]);
  const owners = useMemo(() => dutyOwners(indicators, duties), [indicators, duties]);

  const articleName = (a: Pick<PlanArticle, 'number' | 'title'>) => {
    const label = t('assessment.article', { n: regulationNumber(a.number, language) });
    return a.title ? `${label} ${a.title}` : label;
  };
  const chapterOf = (b: Basis, dutyIds: readonly string[] = [], article?: number) =>
    b === 'article'
      ? articles.find((a) => a.number === article)?.chapter
      : chapterOfDuties(dutyIds, duties);
  const chapter = chapterOf(basis, chosenDuties, chosenArticle);

  const dutyOptions = articles.map((a) => ({
    label: articleName(a),
    title: articleName(a),
    options: duties
      .filter((d) => d.article.number === a.number)
      .map((d) => {
        const owner = owners.get(d.lineageId);
        return {
          value: d.lineageId,
          label: owner
            ? t('assessment.plan.indicatorDialog.dutyTaken', {
                subject: d.subject,
                indicator: owner.name,
              })
            : d.subject,
          search: `${a.number} ${articleName(a)} ${d.subject}`,
          // A duty belongs to one indicator at most.
          disabled: !!owner,
        };
      }),
  }));
  const articleOptions = articles.map((a) => ({
    value: a.number,
    label: t('assessment.plan.indicatorDialog.articleOption', {
      article: articleName(a),
      count: a.dutyIds.length,
    }),
    // Found by the article's number in digits too (the label may use Chinese numerals).
    search: `${a.number} ${articleName(a)}`,
  }));

  // Offer a name for the choice unless the supervisor has typed one.
  const suggestName = (choice: { dutyIds: string[] } | { article: number }) => {
    if (!nameTyped.current || !(form.getFieldValue('name') as string | undefined)?.trim()) {
      form.setFieldValue('name', suggestedIndicatorName(choice, duties));
      nameTyped.current = false;
    }
  };

  // Instead of the form: why no indicator can be added.
  let body: ReactNode;
  if (error && !loading) body = <QueryErrorAlert error={error} onRetry={retry} />;
  else if (!loading && duties.length === 0) {
    body = <Alert type="info" showIcon title={t('assessment.plan.indicatorDialog.noDuties')} />;
  }

  const reset = () => {
    if (!body) form.resetFields();
    nameTyped.current = false;
  };

  const close = () => {
    reset();
    onClose();
  };

  const finish = (values: Values) => {
    const dutyIds = values.basis === 'duties' ? (values.dutyIds ?? []) : [];
    const article = values.basis === 'article' ? values.article : undefined;
    const chapterOfChoice = chapterOf(values.basis, dutyIds, article);
    if (chapterOfChoice === undefined) return;
    onAdd({
      id: newIndicatorId(indicators),
      name: values.name.trim(),
      chapter: chapterOfChoice,
      weight: values.weight,
      dutyIds,
      articles: article === undefined ? [] : [article],
    });
    reset();
  };

  return (
    <Modal
      open={open}
      title={t('assessment.plan.indicatorDialog.title')}
      okText={t('assessment.plan.indicatorDialog.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !!body }}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
      width={640}
    >
      {body ?? (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={INITIAL_VALUES}
          onFinish={finish}
        >
          <Form.Item name="basis" label={t('assessment.plan.indicatorDialog.basis')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'duties', label: t('assessment.plan.indicatorDialog.basisDuties') },
                { value: 'article', label: t('assessment.plan.indicatorDialog.basisArticle') },
              ]}
            />
          </Form.Item>
          {basis === 'duties' ? (
            <Form.Item
              name="dutyIds"
              label={t('assessment.plan.indicatorDialog.duties')}
              rules={[
                {
                  required: true,
                  type: 'array',
                  min: 1,
                  message: t('assessment.plan.indicatorDialog.dutiesRequired'),
                },
                {
                  validator: async (_, value: string[] | undefined) => {
                    if (value?.length && chapterOfDuties(value, duties) === undefined) {
                      throw new Error(t('assessment.plan.indicatorDialog.dutiesOneChapter'));
                    }
                  },
                },
              ]}
            >
              <Select
                mode="multiple"
                loading={loading}
                options={dutyOptions}
                showSearch={{ optionFilterProp: 'search' }}
                placeholder={t('assessment.plan.indicatorDialog.dutiesPlaceholder')}
                onChange={(dutyIds: string[]) => suggestName({ dutyIds })}
              />
            </Form.Item>
          ) : (
            <Form.Item
              name="article"
              label={t('assessment.plan.indicatorDialog.article')}
              rules={[
                { required: true, message: t('assessment.plan.indicatorDialog.articleRequired') },
                {
                  validator: async (_, value: number | undefined) => {
                    const taken = (articles.find((a) => a.number === value)?.dutyIds ?? [])
                      .map((id) => owners.get(id))
                      .filter((owner): owner is PlanIndicatorDraft => owner !== undefined);
                    if (taken.length > 0) {
                      throw new Error(
                        t('assessment.plan.indicatorDialog.articleTaken', {
                          count: taken.length,
                          indicator: taken[0].name,
                        }),
                      );
                    }
                  },
                },
              ]}
            >
              <Select
                loading={loading}
                options={articleOptions}
                showSearch={{ optionFilterProp: 'search' }}
                placeholder={t('assessment.plan.indicatorDialog.articlePlaceholder')}
                onChange={(article: number) => suggestName({ article })}
              />
            </Form.Item>
          )}
          <Form.Item label={t('assessment.plan.indicatorDialog.chapter')}>
            <Typography.Text>
              {chapter === undefined
                ? t('assessment.plan.indicatorDialog.chapterUnknown')
                : t('assessment.chapter', { n: regulationNumber(chapter, language) })}
            </Typography.Text>
          </Form.Item>
          <Form.Item
            name="name"
            label={t('assessment.plan.indicatorDialog.name')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('assessment.plan.indicatorDialog.nameRequired'),
              },
            ]}
          >
            <Input maxLength={200} onChange={() => (nameTyped.current = true)} />
          </Form.Item>
          <Form.Item
            name="weight"
            label={t('assessment.plan.indicatorDialog.weight')}
            extra={t('assessment.plan.indicatorDialog.weightHint')}
            rules={[
              {
                required: true,
                type: 'number',
                min: 0,
                message: t('assessment.plan.indicatorDialog.weightRequired'),
              },
            ]}
          >
            <InputNumber min={0} step={1} style={{ width: 140 }} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
