import { useState } from 'react';
import { Button } from 'antd';
import { CarryOutOutlined, MessageOutlined, RiseOutlined } from '@ant-design/icons';
import { can, type Household } from '@caunoi/domain';
import { useI18n } from '../../i18n/i18n-context';
import { useCurrentUser } from '../auth/current-user';
import { HelpActionDialog } from '../help-plans/HelpActionDialog';
import { HelpPlanForm } from '../help-plans/HelpPlanForm';
import { useHouseholdHelpPlan } from '../help-plans/queries';
import { NewPetitionDialog } from '../petitions/NewPetitionDialog';
import { LogVisitSheet } from '../visits/LogVisitSheet';

type Open = 'visit' | 'help' | 'petition' | null;

/**
 * The member's three frequent actions at the top of the book: log a visit,
 * add a help action (or start the plan), take a petition; on a phone they
 * were several screens down in their own cards.
 */
export function HouseholdQuickActions({ household }: { household: Household }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const helpPlan = useHouseholdHelpPlan(household.id);
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  // As on the visits card: only an account linked to a member records its own visit here.
  const mayVisit = can(user.role, 'visit.write') && user.memberId !== null;
  const mayHelp = can(user.role, 'help_plan.write') && helpPlan.isSuccess;
  const mayPetition = can(user.role, 'petition.write');
  if (!mayVisit && !mayHelp && !mayPetition) return null;
  const plan = helpPlan.data?.plan ?? null;

  return (
    <div className="book-quick-actions" data-testid="book-quick-actions">
      {mayVisit ? (
        <Button
          type="primary"
          icon={<CarryOutOutlined />}
          onClick={() => setOpen('visit')}
          data-testid="quick-visit"
        >
          {t('book.quickVisit')}
        </Button>
      ) : null}
      {mayHelp ? (
        <Button icon={<RiseOutlined />} onClick={() => setOpen('help')} data-testid="quick-help">
          {plan ? t('book.quickHelpAction') : t('book.quickHelpPlan')}
        </Button>
      ) : null}
      {mayPetition ? (
        <Button icon={<MessageOutlined />} onClick={() => setOpen('petition')} data-testid="quick-petition">
          {t('petitions.new')}
        </Button>
      ) : null}
      <LogVisitSheet
        household={
          open === 'visit' ? { id: household.id, code: household.code, headName: household.headName } : null
        }
        onClose={close}
      />
      {plan ? (
        <HelpActionDialog
          planId={plan.id}
          cellId={household.cellId}
          household={household}
          action={null}
          open={open === 'help'}
          onClose={close}
        />
      ) : (
        <HelpPlanForm householdId={household.id} plan={null} open={open === 'help'} onClose={close} />
      )}
      <NewPetitionDialog household={household} open={open === 'petition'} onClose={close} />
    </div>
  );
}
