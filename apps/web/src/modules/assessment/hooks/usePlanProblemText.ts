import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isDisplayableServerText } from '../../../graphql/errors';
import type { DraftProblem } from '../utils/planDraft';
import {
  serverProblemText,
  type SentIndicator,
  type ServerPlanProblem,
} from '../utils/serverProblems';

/** Texts of plan problems: those found before saving, and those the API answers with. */
export function usePlanProblemText() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;

  // Rule and deduction keys as the editor names them.
  const named = useCallback(
    (values: Record<string, string | number> = {}) => {
      const out = { ...values };
      if (typeof out.rule === 'string') {
        out.rule = t(`assessment.plan.ruleNames.${out.rule as 'verified'}`);
      }
      if (typeof out.deduction === 'string') {
        out.deduction = t(`assessment.plan.deductionNames.${out.deduction as 'perReturn'}`);
      }
      return out;
    },
    [t],
  );

  const draftProblemText = useCallback(
    (p: DraftProblem) => t(`assessment.plan.problems.${p.key}`, named(p.values)),
    [t, named],
  );

  /** By its code; the server's own words only for a code without a text (Chinese UI only). */
  const serverProblemMessage = useCallback(
    (p: ServerPlanProblem, sent: readonly SentIndicator[]) => {
      const known = serverProblemText(p, sent);
      if (known) return t(`assessment.plan.problemCodes.${known.key}`, named(known.values));
      return isDisplayableServerText(p.message, language)
        ? p.message
        : t('assessment.plan.problemUnknown');
    },
    [t, named, language],
  );

  return { draftProblemText, serverProblemMessage };
}
