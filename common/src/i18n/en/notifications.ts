import type { notifications as vi } from '../vi/notifications.js';

export const notifications: typeof vi = {
  registration: {
    submitted: { title: 'Dossier {{referenceNo}} submitted', body: 'Technology transfer contract registration dossier {{referenceNo}} has been submitted and is waiting to be assigned.' },
    supplemented: { title: 'Dossier {{referenceNo}} supplemented', body: 'The applicant of dossier {{referenceNo}} has sent the documents and information requested.' },
    withdrawn: { title: 'Dossier {{referenceNo}} withdrawn', body: 'The applicant has withdrawn registration dossier {{referenceNo}}.' },
    applicant_comment: { title: 'New message on dossier {{referenceNo}}', body: 'The applicant of dossier {{referenceNo}} has sent a message to the Department of Science and Technology.' },
    assigned: { title: 'Dossier {{referenceNo}} assigned to you', body: 'Registration dossier {{referenceNo}} has been assigned to you.' },
    accepted: { title: 'Dossier {{referenceNo}} accepted', body: 'Dossier {{referenceNo}} is complete and valid and is being reviewed.' },
    supplement_requested: { title: 'Dossier {{referenceNo}} needs more information', body: 'The Department of Science and Technology asks you to supplement dossier {{referenceNo}}. Open the dossier to see what is needed.' },
    staff_comment: { title: 'Message from the Department on dossier {{referenceNo}}', body: 'The Department of Science and Technology has sent a message about dossier {{referenceNo}}.' },
    draft_ready: { title: 'Draft awaiting approval: {{referenceNo}}', body: 'The draft decision on dossier {{referenceNo}} is waiting for a leader’s approval.' },
    draft_returned: { title: 'Draft returned: {{referenceNo}}', body: 'A leader has returned the draft on dossier {{referenceNo}} with comments.' },
    issued: { title: 'Certificate issued for dossier {{referenceNo}}', body: 'Technology transfer registration certificate {{certificateNumber}} for dossier {{referenceNo}} has been issued. You can download it on the platform.' },
    refused: { title: 'Dossier {{referenceNo}} refused', body: 'The Department of Science and Technology has refused a certificate for dossier {{referenceNo}}. The refusal letter gives the reasons.' },
    revoked: { title: 'Certificate of dossier {{referenceNo}} revoked', body: 'Technology transfer registration certificate {{certificateNumber}} of dossier {{referenceNo}} has been revoked.' },
    tax_query: { title: 'Tax authority question on {{referenceNo}}', body: 'The tax authority has asked a question about registered contract {{referenceNo}}.' },
    tax_answer: { title: 'The Department answered on {{referenceNo}}', body: 'The Department of Science and Technology has answered the question about registered contract {{referenceNo}}.' },
  },
};
