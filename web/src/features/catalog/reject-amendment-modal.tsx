import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.js';
import { amendmentTitle } from './amendment-details.js';
import type { Amendment } from './catalog-work-api.js';
import { ReasonModal } from './reason-modal.js';

interface RejectAmendmentModalProps {
  /** The proposal being refused; the dialog is open while it is set. */
  amendment: Amendment | null;
  onClose: () => void;
  onRejected: (amendment: Amendment) => void;
}

/** DOST refuses a proposal with its reason (the proposer sees it), from the proposals list or the draft page. */
export function RejectAmendmentModal({ amendment, onClose, onRejected }: RejectAmendmentModalProps) {
  const { t, i18n } = useTranslation();
  return (
    <ReasonModal
      opened={amendment !== null}
      title={t('catalogWork.amendments.rejectTitle')}
      description={amendment ? amendmentTitle(amendment, i18n.language) : undefined}
      reasonLabel={t('catalogWork.amendments.rejectReason')}
      confirmLabel={t('catalogWork.amendments.reject')}
      color="red"
      testId="reject-amendment-form"
      onClose={onClose}
      onConfirm={async ({ reason }) => {
        if (amendment) onRejected(await api.post<Amendment>(`/catalog/amendments/${amendment.id}/reject`, { reason }));
      }}
    />
  );
}
