import { Alert, App, Card, Col, Empty, Flex, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../../components/PageLoading';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { useSignedInUser } from '../../auth/hooks/signedInUser';
import type { Adjustment } from '../graphql/types';
import {
  useAdjustmentActions,
  useAssessmentUnits,
  useUnitAdjustments,
} from '../hooks/useAdjustments';
import { mayAdjust } from '../utils/permissions';
import { formatPoints } from '../utils/format';
import { AdjustmentForm } from './AdjustmentForm';
import { AdjustmentTable } from './AdjustmentTable';
import { RevokeAdjustmentDialog } from './RevokeAdjustmentDialog';

export function AdjustmentsTab({ cycleId, cycleOpen }: { cycleId: string; cycleOpen: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const user = useSignedInUser();
  const { message } = App.useApp();
  const units = useAssessmentUnits();
  const [unitCode, setUnitCode] = useState<string>();
  const unit = units.units.find((u) => u.code === unitCode);
  const detail = useUnitAdjustments(cycleId, unitCode);
  const actions = useAdjustmentActions(cycleId);
  const [revoking, setRevoking] = useState<Adjustment>();
  const canAdjust = cycleOpen && !!unit && mayAdjust(user, unit);

  if (units.error && !units.loading) {
    return <QueryErrorAlert error={units.error} onRetry={units.retry} />;
  }

  return (
    <Flex vertical gap="middle">
      <Flex align="center" gap="small" wrap>
        <Typography.Text id="assessment-unit-label">
          {t('assessment.adjustments.unit')}
        </Typography.Text>
        <Select
          aria-labelledby="assessment-unit-label"
          style={{ minWidth: 280 }}
          loading={units.loading}
          value={unitCode}
          placeholder={t('assessment.adjustments.unitPlaceholder')}
          showSearch={{ optionFilterProp: 'label' }}
          onChange={setUnitCode}
          options={units.units.map((u) => ({ value: u.code, label: `${u.name}（${u.code}）` }))}
        />
      </Flex>
      {!cycleOpen && <Alert type="info" showIcon title={t('assessment.adjustments.closed')} />}
      {cycleOpen && user.role === 'AUDITOR' && (
        <Alert type="info" showIcon title={t('assessment.adjustments.readOnly')} />
      )}
      {!unitCode ? (
        <Empty description={t('assessment.adjustments.chooseUnit')} />
      ) : detail.error && !detail.loading ? (
        <QueryErrorAlert error={detail.error} onRetry={detail.retry} />
      ) : !detail.unit ? (
        <PageLoading rows={4} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={canAdjust ? 15 : 24}>
            <Card
              size="small"
              title={detail.unit.unitName}
              extra={
                <Typography.Text type="secondary">
                  {t('assessment.adjustments.summary', {
                    score: formatPoints(detail.unit.score, language),
                    grade: detail.unit.grade,
                    rank: detail.unit.rank,
                  })}
                </Typography.Text>
              }
            >
              <AdjustmentTable
                adjustments={detail.unit.adjustments}
                loading={detail.loading}
                canRevoke={canAdjust}
                onRevoke={setRevoking}
              />
            </Card>
          </Col>
          {canAdjust && (
            <Col xs={24} xl={9}>
              <Card size="small" title={t('assessment.adjustments.add')}>
                <AdjustmentForm
                  key={unitCode}
                  unitCode={unitCode}
                  submitting={actions.adding}
                  onSubmit={async (input) => {
                    await actions.addAdjustment(input);
                    void message.success(t('assessment.adjustments.added'));
                  }}
                />
              </Card>
            </Col>
          )}
        </Row>
      )}
      <RevokeAdjustmentDialog
        adjustment={revoking}
        submitting={actions.revoking}
        onClose={() => setRevoking(undefined)}
        onRevoke={async (id, reason) => {
          await actions.revokeAdjustment(id, reason);
          void message.success(t('assessment.adjustments.revokeDone'));
        }}
      />
    </Flex>
  );
}
