import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Typography,
  type FormListFieldData,
} from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { regulationNumber } from '../../../utils/chineseNumerals';
import type { PlanIndicatorDraft } from '../utils/planDraft';
import {
  emptyMeasureForm,
  hasAnyTarget,
  MEASURE_DIRECTIONS,
  MEASURE_LEVELS,
  MEASURE_SCORINGS,
  measureFormOf,
  measureSpecOf,
  type MeasureFormValues,
} from '../utils/measureForm';
import { newIndicatorId } from '../utils/planIndicators';

export interface MeasureIndicatorDialogProps {
  open: boolean;
  /** The indicator edited, or undefined to add one. Mount the dialog anew for each opening. */
  indicator?: PlanIndicatorDraft;
  /** The indicators of the draft (for a new id). */
  indicators: readonly PlanIndicatorDraft[];
  /** The chapters of the plan (those with a weight). */
  chapters: readonly number[];
  onSave: (indicator: PlanIndicatorDraft) => void;
  onClose: () => void;
}

/**
 * A measured indicator (定量指标) of the plan draft: name, chapter and weight like any indicator,
 * then the unit of measure, direction, scoring function, targets (and floors) per level, units
 * with their own target, and the banded table.
 */
export function MeasureIndicatorDialog({
  open,
  indicator,
  indicators,
  chapters,
  onSave,
  onClose,
}: MeasureIndicatorDialogProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const [form] = Form.useForm<MeasureFormValues>();
  const scoring = Form.useWatch('scoring', form) ?? 'linear';
  const [noTarget, setNoTarget] = useState(false);

  const finish = (fields: MeasureFormValues) => {
    // Lists and hidden inputs are read whole (a hidden floor keeps its value).
    const values = { ...(form.getFieldsValue(true) as MeasureFormValues), ...fields };
    if (values.chapter === null) return;
    if (!hasAnyTarget(values)) {
      setNoTarget(true);
      return;
    }
    onSave({
      id: indicator?.id ?? newIndicatorId(indicators),
      name: values.name.trim(),
      chapter: values.chapter,
      weight: values.weight,
      dutyIds: [],
      articles: [],
      kind: 'measure',
      measure: measureSpecOf(values),
    });
  };

  const number = (label: string) => (
    <InputNumber aria-label={label} style={{ width: 120 }} placeholder={label} />
  );

  return (
    <Modal
      open={open}
      title={
        indicator
          ? t('assessment.measure.editOf', { name: indicator.name })
          : t('assessment.measure.add')
      }
      okText={t('assessment.measure.dialog.ok')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={720}
    >
      <Form<MeasureFormValues>
        form={form}
        layout="vertical"
        // Mounted per opening (see PlanIndicatorsTable), so the initial values are the indicator's.
        initialValues={indicator ? measureFormOf(indicator) : emptyMeasureForm(chapters[0] ?? null)}
        onFinish={finish}
      >
        <Form.Item
          name="name"
          label={t('assessment.measure.dialog.name')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('assessment.measure.dialog.nameRequired'),
            },
          ]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Flex gap="middle" wrap>
          <Form.Item
            name="chapter"
            label={t('assessment.measure.dialog.chapter')}
            rules={[{ required: true, message: t('assessment.measure.dialog.chapterRequired') }]}
          >
            <Select
              style={{ width: 160 }}
              options={chapters.map((c) => ({
                value: c,
                label: t('assessment.chapter', { n: regulationNumber(c, language) }),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="weight"
            label={t('assessment.measure.dialog.weight')}
            tooltip={t('assessment.measure.dialog.weightHint')}
            rules={[
              {
                required: true,
                type: 'number',
                min: 0,
                message: t('assessment.measure.dialog.weightRequired'),
              },
            ]}
          >
            <InputNumber min={0} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item
            name="unitOfMeasure"
            label={t('assessment.measure.dialog.unitOfMeasure')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('assessment.measure.dialog.unitRequired'),
              },
            ]}
          >
            <Input
              maxLength={20}
              style={{ width: 140 }}
              placeholder={t('assessment.measure.dialog.unitOfMeasurePlaceholder')}
            />
          </Form.Item>
        </Flex>
        <Form.Item name="direction" label={t('assessment.measure.dialog.direction')}>
          <Radio.Group
            optionType="button"
            options={MEASURE_DIRECTIONS.map((d) => ({
              value: d,
              label: t(`assessment.measure.direction.${d}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="scoring"
          label={t('assessment.measure.dialog.scoring')}
          extra={t(`assessment.measure.scoringHint.${scoring}`)}
        >
          <Radio.Group
            optionType="button"
            options={MEASURE_SCORINGS.map((s) => ({
              value: s,
              label: t(`assessment.measure.scoring.${s}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          label={t('assessment.measure.dialog.levels')}
          extra={t('assessment.measure.dialog.levelHint')}
          required
        >
          <Flex vertical gap={4}>
            {MEASURE_LEVELS.map((level) => {
              const levelName = t(`assessment.levels.${level}`);
              return (
                <Flex key={level} gap="small" align="center" wrap>
                  <Typography.Text style={{ width: 110 }}>{levelName}</Typography.Text>
                  <Form.Item name={['levels', level, 'target']} noStyle>
                    {number(`${levelName} ${t('assessment.measure.dialog.target')}`)}
                  </Form.Item>
                  {scoring === 'linear' && (
                    <Form.Item name={['levels', level, 'floor']} noStyle>
                      {number(`${levelName} ${t('assessment.measure.dialog.floor')}`)}
                    </Form.Item>
                  )}
                </Flex>
              );
            })}
          </Flex>
        </Form.Item>
        <Form.Item label={t('assessment.measure.dialog.overrides')}>
          <FormRows
            name="overrides"
            addLabel={t('assessment.measure.dialog.addOverride')}
            removeLabel={t('assessment.measure.dialog.remove')}
            newRow={{ unitCode: '', target: null, floor: null }}
          >
            {(field) => (
              <>
                <Form.Item name={[field.name, 'unitCode']} noStyle>
                  <Input
                    aria-label={t('assessment.measure.dialog.unitCode')}
                    placeholder={t('assessment.measure.dialog.unitCode')}
                    maxLength={12}
                    style={{ width: 110 }}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'target']} noStyle>
                  {number(t('assessment.measure.dialog.target'))}
                </Form.Item>
                {scoring === 'linear' && (
                  <Form.Item name={[field.name, 'floor']} noStyle>
                    {number(t('assessment.measure.dialog.floor'))}
                  </Form.Item>
                )}
              </>
            )}
          </FormRows>
        </Form.Item>
        {scoring === 'banded' && (
          <Form.Item label={t('assessment.measure.dialog.bands')}>
            <FormRows
              name="bands"
              addLabel={t('assessment.measure.dialog.addBand')}
              removeLabel={t('assessment.measure.dialog.remove')}
              newRow={{ min: null, max: null, points: null }}
            >
              {(field) => (
                <>
                  <Form.Item name={[field.name, 'min']} noStyle>
                    {number(t('assessment.measure.dialog.bandMin'))}
                  </Form.Item>
                  <Form.Item name={[field.name, 'max']} noStyle>
                    {number(t('assessment.measure.dialog.bandMax'))}
                  </Form.Item>
                  <Form.Item name={[field.name, 'points']} noStyle>
                    {number(t('assessment.measure.dialog.bandPoints'))}
                  </Form.Item>
                </>
              )}
            </FormRows>
          </Form.Item>
        )}
        {noTarget && (
          <Typography.Text type="danger">
            {t('assessment.measure.dialog.targetsRequired')}
          </Typography.Text>
        )}
      </Form>
    </Modal>
  );
}

/** Rows of a form list (per-unit targets, bands): each row's fields, a remove button, an add. */
function FormRows({
  name,
  addLabel,
  removeLabel,
  newRow,
  children,
}: {
  name: string;
  addLabel: string;
  removeLabel: string;
  newRow: Record<string, unknown>;
  children: (field: FormListFieldData) => ReactNode;
}) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Flex vertical gap={4}>
          {fields.map((field) => (
            <Flex key={field.key} gap="small" align="center" wrap>
              {children(field)}
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={removeLabel}
                onClick={() => remove(field.name)}
              />
            </Flex>
          ))}
          <Button
            size="small"
            icon={<PlusOutlined />}
            style={{ alignSelf: 'flex-start' }}
            onClick={() => add(newRow)}
          >
            {addLabel}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
