/** Applicant's side of contract registration, English. */
export const webRegistrationFiling = {
  registrationFiling: {
    defaultTitle: 'Technology transfer contract registration dossier',
    purposeTitle: {
      amendment: 'Amendment',
      extension: 'Extension',
    },
    problems: {
      required: 'This is required.',
      not_applicable: 'This does not apply to the option chosen.',
      end_before_start: 'The end date cannot be before the start date.',
      step_missing: 'This step is not filled in yet.',
      invalid: 'This is not valid yet.',
      document_missing: 'A required document is missing.',
    },
  },
};
